package org.pcdguide.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pcdguide.core.facts.FactRegistry;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.YamlKnowledgePackSource;
import org.pcdguide.fhir.Terminology;

class AssessmentServiceTest {
  private static final KnowledgePack PACK =
      YamlKnowledgePackSource.bundled().load(FactRegistry.CATALOG);

  /** 23:59 on 31 October in UTC-5, already 1 November in UTC. */
  private static final Clock LATE_EVENING_UTC_MINUS_5 =
      Clock.fixed(Instant.parse("2026-11-01T04:59:00Z"), ZoneOffset.ofHours(-5));

  private static byte[] exampleWithoutDate() throws Exception {
    return Files.readString(Path.of("../examples/poems-disseminated.yaml"))
        .replace("as-of: 2026-11-01\n", "")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void report_caseWithoutDate_isAssessedAsOfTodayInTheClocksZone() throws Exception {
    AssessmentService service =
        new AssessmentService(PACK, Terminology.bundled(), LATE_EVENING_UTC_MINUS_5);
    Report r =
        service.report(
            "case",
            exampleWithoutDate(),
            InputFormat.DETECTED,
            Optional.empty(),
            OutputFormat.TEXT);
    assertThat(r.asOf())
        .isEqualTo(new AsOf(LocalDate.of(2026, 10, 31), Optional.of(ZoneOffset.ofHours(-5))));
    assertThat(r.text()).contains("As of 2026-10-31.");
  }

  @Test
  void report_givenDateOrCaseFilesDate_winsOverTheClock() throws Exception {
    AssessmentService service =
        new AssessmentService(PACK, Terminology.bundled(), LATE_EVENING_UTC_MINUS_5);
    byte[] dated = Files.readAllBytes(Path.of("../examples/poems-disseminated.yaml"));
    assertThat(
            service
                .report("case", dated, InputFormat.DETECTED, Optional.empty(), OutputFormat.JSON)
                .asOf())
        .isEqualTo(AsOf.given(LocalDate.of(2026, 11, 1)));
    assertThat(
            service
                .report(
                    "case",
                    exampleWithoutDate(),
                    InputFormat.DETECTED,
                    Optional.of(LocalDate.of(2026, 12, 1)),
                    OutputFormat.MARKDOWN)
                .asOf())
        .isEqualTo(AsOf.given(LocalDate.of(2026, 12, 1)));
  }

  @Test
  void replayClock_givesTheRecordedTodayAgain() {
    AsOf recorded = AsOf.today(LATE_EVENING_UTC_MINUS_5);
    assertThat(AsOf.today(recorded.clock())).isEqualTo(recorded);
  }

  @Test
  void outputFormat_parsesTheWordsAndNamesThemWhenWrong() {
    assertThat(OutputFormat.parse("markdown")).isEqualTo(OutputFormat.MARKDOWN);
    assertThat(OutputFormat.parse("fhir").mediaType()).isEqualTo("application/fhir+json");
    assertThatThrownBy(() -> OutputFormat.parse("pdf"))
        .isInstanceOf(RequestException.class)
        .hasMessage("format 'pdf' is not one of text, markdown, json, fhir");
    assertThatThrownBy(() -> AsOf.parse("1/11/2026"))
        .hasMessage("as-of '1/11/2026' is not a date (YYYY-MM-DD)");
  }
}
