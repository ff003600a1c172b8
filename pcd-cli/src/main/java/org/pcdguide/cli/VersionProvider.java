package org.pcdguide.cli;

import org.pcdguide.core.facts.FactRegistry;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.YamlKnowledgePackSource;
import picocli.CommandLine;

/** {@code pcd --version}: code version plus knowledge version and hash. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String code = Pcd.class.getPackage().getImplementationVersion();
    KnowledgePack pack = YamlKnowledgePackSource.bundled().load(FactRegistry.CATALOG);
    return new String[] {
      "pcd " + (code == null ? "development build" : code),
      "knowledge " + pack.version() + " " + pack.hash()
    };
  }
}
