package org.pcdguide.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pcdguide.core.cases.CaseReader;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.engine.Assessment;
import org.pcdguide.core.engine.Engine;
import org.pcdguide.core.facts.FactRegistry;
import org.pcdguide.core.knowledge.EntryKind;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.YamlKnowledgePackSource;
import org.pcdguide.core.render.ReportView;

/**
 * Issue 14 (rule 2, leftover of item 8): a patient-view card shows an option's conditional text
 * ("holds if ...; decided by ..."), so an EHR user sees what the option depends on. Over every
 * acceptance case: the headline option's card carries its conditional text, and when the answer
 * splits on an undecided finding (no headline option) one card lists every branch option with it.
 */
class ConditionalCardsTest {
  private static final KnowledgePack PACK =
      YamlKnowledgePackSource.bundled().load(FactRegistry.CATALOG);
  private static final YAMLMapper YAML = new YAMLMapper();

  @Test
  void patientView_everyCase_showsTheConditionalTextOfTheOptionsItGives() throws IOException {
    int headlines = 0;
    int branches = 0;
    List<String> missing = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("../pcd-core/src/test/resources/cases"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        JsonNode doc = YAML.readTree(f.toFile());
        if (doc.path("expect").has("invalid")) {
          continue;
        }
        PatientCase c =
            new CaseReader(PACK.vocabulary())
                .read(f.toString(), YAML.writeValueAsBytes(doc.get("case")), Optional.empty());
        Assessment a = Engine.assess(c, PACK, c.asOf().orElse(java.time.LocalDate.of(2026, 11, 1)));
        ReportView v = ReportView.of(a, PACK);
        String cards =
            new Cards(PACK)
                .patientView(a, CardIds.nameBased("hook"), "https://cds.example.org", "")
                .toString();
        List<ReportView.Item> shown = new ArrayList<>();
        if (v.headline().top().isPresent()) {
          v.headline().top().filter(t -> t.conditional().isPresent()).ifPresent(shown::add);
          headlines += shown.size();
        } else {
          v.recommendations().stream()
              .filter(i -> i.kind() != EntryKind.SUPPORTIVE && i.conditional().isPresent())
              .forEach(shown::add);
          branches += shown.isEmpty() ? 0 : 1;
        }
        for (ReportView.Item i : shown) {
          if (!cards.contains(i.conditional().get())) {
            missing.add(f.getFileName() + ": " + i.id());
          }
        }
      }
    }
    assertThat(headlines).as("cases whose headline option is conditional").isPositive();
    assertThat(branches).as("cases whose answer splits on an undecided finding").isPositive();
    assertThat(missing).as("conditional options whose text no card shows").isEmpty();
  }
}
