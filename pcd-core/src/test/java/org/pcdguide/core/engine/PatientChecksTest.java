package org.pcdguide.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pcdguide.core.TestPack;
import org.pcdguide.core.knowledge.AgeRange;
import org.pcdguide.core.knowledge.Grade;
import org.pcdguide.core.knowledge.Population;
import org.pcdguide.core.knowledge.Source;
import org.pcdguide.core.knowledge.SourceKind;
import org.pcdguide.core.knowledge.TreatmentEntry;

/** Age applicability of an option against its cited sources' stated populations (rule 8). */
class PatientChecksTest {
  private static final TreatmentEntry DARA_DCEP =
      (TreatmentEntry) TestPack.PACK.entry("MMP-INV-001").orElseThrow();
  private static final List<Source> DARA_DCEP_SOURCES =
      PatientChecks.sources(TestPack.PACK, DARA_DCEP);

  private static Source source(Population population, Optional<AgeRange> ages) {
    return new Source(
        "test-source",
        "test",
        SourceKind.CASE_SERIES,
        population,
        true,
        "",
        Optional.empty(),
        Optional.empty(),
        Grade.LOW,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        ages);
  }

  @Test
  void check_adultOlderThanEveryStatedRange_warnsOlder() {
    assertThat(DARA_DCEP_SOURCES).extracting(Source::id).contains("daradcep-2022-jho", "seed-004");
    assertThat(PatientChecks.check(DARA_DCEP, 74, DARA_DCEP_SOURCES))
        .get()
        .isEqualTo(new Warning.AgeNotCovered(DARA_DCEP, 74, false, DARA_DCEP_SOURCES));
  }

  @Test
  void check_atTheUpperEndOfAStatedRange_covered() {
    assertThat(PatientChecks.check(DARA_DCEP, 73, DARA_DCEP_SOURCES)).isEmpty();
  }

  @Test
  void check_adultYoungerThanTheStatedRange_noWarning() {
    // only children and patients older than the populations are flagged (the rule's scope)
    assertThat(PatientChecks.check(DARA_DCEP, 30, DARA_DCEP_SOURCES)).isEmpty();
  }

  @Test
  void check_childAndNoSourceStatesAges_warnsChild() {
    List<Source> none = List.of(source(Population.HUMAN, Optional.empty()));
    assertThat(PatientChecks.check(DARA_DCEP, 17, none))
        .get()
        .extracting(w -> ((Warning.AgeNotCovered) w).child())
        .isEqualTo(true);
    assertThat(PatientChecks.check(DARA_DCEP, 18, none)).isEmpty();
  }

  @Test
  void check_childInsideAHumanSourcesStatedAges_covered() {
    Source pediatric =
        source(Population.HUMAN, Optional.of(new AgeRange(3, 15, "abstract", "ages 3-15")));
    assertThat(PatientChecks.check(DARA_DCEP, 12, List.of(pediatric))).isEmpty();
  }

  @Test
  void check_veterinaryAges_neverCoverAPatient() {
    Source dogs =
        source(Population.VETERINARY, Optional.of(new AgeRange(1, 15, "abstract", "dogs")));
    assertThat(PatientChecks.check(DARA_DCEP, 12, List.of(dogs))).isPresent();
    assertThat(PatientChecks.check(DARA_DCEP, 40, List.of(dogs))).isEmpty();
  }
}
