package org.pcdguide.bulk;

import org.pcdguide.core.facts.FactRegistry;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.YamlKnowledgePackSource;
import org.pcdguide.fhir.Terminology;

/** The bundled pack and terminology, loaded once per JVM (a Spark executor loads them once). */
final class BundledKnowledge {
  private BundledKnowledge() {}

  private static final class Holder {
    static final KnowledgePack PACK = YamlKnowledgePackSource.bundled().load(FactRegistry.CATALOG);
    static final Terminology TERMINOLOGY = Terminology.bundled();
  }

  private static volatile KnowledgePack override;

  /**
   * Makes this JVM's screens use {@code pack} (a local Spark session runs its executors in the
   * driver's JVM, so {@code --knowledge DIR} reaches them; a cluster uses the bundled pack).
   */
  static void use(KnowledgePack pack) {
    override = pack;
  }

  static KnowledgePack pack() {
    KnowledgePack p = override;
    return p != null ? p : Holder.PACK;
  }

  static Terminology terminology() {
    return Holder.TERMINOLOGY;
  }
}
