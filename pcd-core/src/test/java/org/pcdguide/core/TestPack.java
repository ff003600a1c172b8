package org.pcdguide.core;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import org.pcdguide.core.cases.CaseReader;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.engine.Assessment;
import org.pcdguide.core.engine.Engine;
import org.pcdguide.core.facts.FactRegistry;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.YamlKnowledgePackSource;

/** The bundled knowledge pack, loaded once for all tests, and shortcuts to assess a YAML case. */
public final class TestPack {
  public static final KnowledgePack PACK =
      YamlKnowledgePackSource.bundled().load(FactRegistry.CATALOG);
  public static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

  private TestPack() {}

  public static PatientCase read(String yaml) {
    return new CaseReader(PACK.vocabulary())
        .read("test.yaml", yaml.getBytes(StandardCharsets.UTF_8), Optional.empty());
  }

  /** Reads a case body (without the pcd-case header) and assesses it as of {@link #AS_OF}. */
  public static Assessment assess(String body) {
    PatientCase c = read("pcd-case: 1\n" + body);
    return Engine.assess(c, PACK, c.asOf().orElse(AS_OF));
  }
}
