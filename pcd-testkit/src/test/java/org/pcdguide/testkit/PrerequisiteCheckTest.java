package org.pcdguide.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class PrerequisiteCheckTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final PrintStream notices = new PrintStream(err, true, StandardCharsets.UTF_8);

  private RuntimeException missingPostgres(Map<String, String> env) {
    return PrerequisiteCheck.unavailable(
        Prerequisite.POSTGRES,
        "no PostgreSQL at jdbc:postgresql://127.0.0.1:1/x",
        "PostgresAuditLogTest",
        env,
        notices,
        null);
  }

  @Test
  void unavailable_inCi_failsNamingTheTestAndWhatIsMissing_withoutSkipNotice() {
    for (Map<String, String> ci :
        java.util.List.of(
            Map.of("CI", "true"), Map.of("PCD_REQUIRE_ALL_TESTS", "1", "CI", "false"))) {
      RuntimeException e = missingPostgres(ci);
      assertThat(e)
          .as(ci.toString())
          .isInstanceOf(PrerequisiteCheck.MissingPrerequisite.class)
          .hasMessageContaining("PostgresAuditLogTest needs PostgreSQL")
          .hasMessageContaining("no PostgreSQL at jdbc:postgresql://127.0.0.1:1/x");
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void unavailable_locally_skipsWithANoticeOnStderrSayingWhatAndWhy() {
    RuntimeException e = missingPostgres(Map.of("CI", "false"));
    assertThat(e).isInstanceOf(TestAbortedException.class);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("NOTICE skipped PostgresAuditLogTest [postgres]: PostgreSQL: no PostgreSQL at")
        .contains("PCD_REQUIRE_ALL_TESTS=1");
  }

  @Test
  void requireAll_onlyWhenCiOrTheVariableSaysSo() {
    assertThat(PrerequisiteCheck.requireAll(Map.of())).isFalse();
    assertThat(PrerequisiteCheck.requireAll(Map.of("CI", "false", "PCD_REQUIRE_ALL_TESTS", "0")))
        .isFalse();
    assertThat(PrerequisiteCheck.requireAll(Map.of("CI", "TRUE"))).isTrue();
    assertThat(PrerequisiteCheck.requireAll(Map.of("PCD_REQUIRE_ALL_TESTS", "true"))).isTrue();
  }

  @Test
  void postgres_withoutUrl_orNothingListening_isMissingNamingTheVariableOrUrl() throws Exception {
    assertThat(Prerequisite.POSTGRES.missing(Map.of()))
        .hasValueSatisfying(r -> assertThat(r).contains("PCD_TEST_POSTGRES_URL is not set"));
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + closed + "/pcd_audit";
    assertThat(Prerequisite.POSTGRES.missing(Map.of("PCD_TEST_POSTGRES_URL", url)))
        .hasValueSatisfying(r -> assertThat(r).startsWith("no PostgreSQL at " + url + ": "));
  }

  @Test
  void needs_readFromTheAnnotations_whichCarryTheTags() throws Exception {
    assertThat(PrerequisiteCheck.needs(Example.class)).containsExactly(Prerequisite.SPARK);
    assertThat(PrerequisiteCheck.needs(Example.class.getDeclaredMethod("page")))
        .containsExactly(Prerequisite.CHROMIUM, Prerequisite.POSTGRES);
    assertThat(NeedsChromium.class.getAnnotation(org.junit.jupiter.api.Tag.class).value())
        .isEqualTo(Prerequisite.CHROMIUM.tag());
    assertThat(NeedsPostgres.class.getAnnotation(org.junit.jupiter.api.Tag.class).value())
        .isEqualTo(Prerequisite.POSTGRES.tag());
    assertThat(NeedsSpark.class.getAnnotation(org.junit.jupiter.api.Tag.class).value())
        .isEqualTo(Prerequisite.SPARK.tag());
  }

  @NeedsSpark
  static class Example {
    @NeedsChromium
    @NeedsPostgres
    void page() {}
  }
}
