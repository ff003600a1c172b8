package org.pcdguide.bulk;

import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.YamlKnowledgePackSource;
import org.pcdguide.fhir.Terminology;

/** The bundled pack and terminology, loaded once per JVM (a Spark executor loads them once). */
final class BundledKnowledge {
  private BundledKnowledge() {}

  private static final class Holder {
    static final KnowledgePack PACK = YamlKnowledgePackSource.bundled().load();
    static final Terminology TERMINOLOGY = Terminology.bundled();
  }

  static KnowledgePack pack() {
    return Holder.PACK;
  }

  static Terminology terminology() {
    return Holder.TERMINOLOGY;
  }
}
