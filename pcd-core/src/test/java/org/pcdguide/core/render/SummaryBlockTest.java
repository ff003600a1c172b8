package org.pcdguide.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pcdguide.core.TestPack;
import org.pcdguide.core.cases.CaseReader;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.engine.Assessment;
import org.pcdguide.core.engine.Engine;
import org.pcdguide.core.knowledge.Severity;

/**
 * Issue 14 item 8: the one-screen summary that opens every report. Over every acceptance and golden
 * case: the brief output fits a screen (15 lines) and still names the diagnosis status, the
 * headline, every proposed order and every critical warning or label/module conflict; in the full
 * text report those conflicts are within the first 15 lines (they used to sit at line 60-215);
 * Markdown and JSON carry the same lines.
 */
class SummaryBlockTest {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void brief_everyCase_fitsFifteenLinesAndNamesWhatMustBeSeen() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, ReportView> e : views().entrySet()) {
      ReportView v = e.getValue();
      String brief = SummaryText.brief(v);
      List<String> lines = brief.lines().toList();
      if (lines.size() > 15) {
        problems.add(e.getKey() + ": " + lines.size() + " lines");
      }
      if (lines.stream().noneMatch(l -> l.startsWith("Diagnosis: "))
          || lines.stream().noneMatch(l -> l.startsWith("Headline: "))) {
        problems.add(e.getKey() + ": no diagnosis or headline line");
      }
      for (ReportView.ProposedOrder o : v.proposedOrders().values()) {
        if (!brief.contains("Proposed " + o.label() + ": " + o.disposition())) {
          problems.add(e.getKey() + ": order " + o.id() + " missing");
        }
      }
      for (String must : mustSee(v)) {
        if (!brief.contains(must)) {
          problems.add(e.getKey() + ": not in the brief: " + must);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void fullTextReport_everyCase_criticalWarningsAndConflictsWithinTheFirst15Lines()
      throws IOException {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Map.Entry<String, ReportView> e : views().entrySet()) {
      String first15 =
          String.join(
              "\n",
              Arrays.stream(TextReport.render(e.getValue(), TextReport.Style.TEXT).split("\n"))
                  .limit(15)
                  .toList());
      for (String must : mustSee(e.getValue())) {
        checked++;
        if (!first15.contains(must)) {
          problems.add(e.getKey() + ": " + must);
        }
      }
    }
    assertThat(checked).as("cases with a conflict or critical flag").isGreaterThan(20);
    assertThat(problems).isEmpty();
  }

  @Test
  void labelConflictThatSatAtLine215_isNowInTheFirst15Lines() throws IOException {
    ReportView v = views().get("conflict-01-poems-and-scleromyxedema-criteria-met-ivig.yaml");
    List<String> first15 = TextReport.render(v, TextReport.Style.TEXT).lines().limit(15).toList();
    assertThat(String.join("\n", first15))
        .contains("Diagnosis: POEMS syndrome, criteria met.")
        .contains("CRITICAL: modules conflict on ivig-high-dose")
        .contains("The case is labelled mgus but the findings meet the POEMS syndrome criteria");
    ReportView cidp = views().get("mixed-06-cidp-label-meets-poems-criteria-plasmapheresis.yaml");
    assertThat(SummaryText.brief(cidp))
        .contains("The case is labelled cidp but the findings meet the POEMS syndrome criteria")
        .contains("CRITICAL: proposed Plasmapheresis is to be avoided for this patient");
  }

  @Test
  void markdownAndJson_everyCase_carryTheSameLinesFirst() throws IOException {
    for (Map.Entry<String, ReportView> e : views().entrySet()) {
      ReportView v = e.getValue();
      List<String> texts = v.summary().lines().stream().map(Summary.Line::text).toList();
      JsonNode json = JSON.readTree(JsonReport.render(v));
      List<String> fromJson = new ArrayList<>();
      json.get("summary").forEach(n -> fromJson.add(n.get("text").asText()));
      assertThat(fromJson).as(e.getKey()).isEqualTo(texts);
      String md = TextReport.render(v, TextReport.Style.MARKDOWN);
      int summary = md.indexOf("## Summary");
      int headline = md.indexOf("## Headline");
      assertThat(summary).as(e.getKey()).isPositive().isLessThan(headline);
      String block = md.substring(summary, headline);
      texts.forEach(t -> assertThat(block).as(e.getKey()).contains(t));
    }
  }

  @Test
  void conditionalOption_showsWhatItHoldsIfAndWhatDecidesIt() throws IOException {
    ReportView v = views().get("poems-missing-marrow.case.yaml");
    assertThat(SummaryText.brief(v))
        .contains(
            "Option 3: Radiotherapy (50 Gy) to the lesion(s) for localized disease"
                + " [POEMS-TX-001, first-line, recommended]")
        .contains(
            "conditional: holds if poems.extent = localized; decided by"
                + " bone-marrow-involvement")
        .contains("Missing: history.therapies: ")
        .contains("Missing: bone-marrow-involvement: ");
  }

  @Test
  void criteriaNotMet_diagnosisLineNamesWhatFailsNotWhatIsMet() throws IOException {
    ReportView v = views().get("poems-42-diabetes-only-endocrinopathy-not-met.yaml");
    String diagnosis = v.summary().lines().get(0).text();
    assertThat(diagnosis)
        .startsWith("Diagnosis: POEMS syndrome, criteria not met (")
        .contains("none met")
        .doesNotContain("mandatory polyneuropathy met");
  }

  /** What the block may never leave out: critical flags and warnings, label/module conflicts. */
  private static List<String> mustSee(ReportView v) {
    List<String> out = new ArrayList<>();
    for (ReportView.Flag f : v.headline().flags()) {
      if (f.severity() == Severity.CRITICAL) {
        out.add(f.text());
      }
    }
    for (ReportView.Warning w : v.warnings()) {
      if (w.conflict() && !w.critical()) {
        out.add(w.statement());
      }
    }
    return out;
  }

  /** Every acceptance case that is not an invalid input, and every golden case. */
  static Map<String, ReportView> views() throws IOException {
    Map<String, ReportView> out = new TreeMap<>();
    assessments().forEach((k, a) -> out.put(k, ReportView.of(a, TestPack.PACK)));
    return out;
  }

  /** The assessment of every acceptance case (except the invalid ones) and golden case. */
  static Map<String, Assessment> assessments() throws IOException {
    Map<String, Assessment> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/cases"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        JsonNode doc = YAML.readTree(f.toFile());
        if (doc.path("expect").has("invalid")) {
          continue;
        }
        out.put(f.getFileName().toString(), assessment(f, YAML.writeValueAsBytes(doc.get("case"))));
      }
    }
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/golden"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".case.yaml")).sorted().toList()) {
        out.put(f.getFileName().toString(), assessment(f, Files.readAllBytes(f)));
      }
    }
    return out;
  }

  private static Assessment assessment(Path file, byte[] input) {
    PatientCase c =
        new CaseReader(TestPack.PACK.vocabulary()).read(file.toString(), input, Optional.empty());
    return Engine.assess(c, TestPack.PACK, c.asOf().orElse(TestPack.AS_OF));
  }
}
