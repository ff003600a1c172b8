package org.pcdguide.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The sizes the server checks are the sizes the migrations give the columns, on every store. */
class AuditLimitsTest {
  @Test
  void recordLimits_areTheColumnSizesOfTheMigrations() throws IOException {
    Map<String, Integer> sizes = new LinkedHashMap<>();
    for (String migration :
        List.of("V1__audit.sql", "V2__report_token.sql", "V3__as_of_zone.sql")) {
      try (InputStream in = AuditLog.class.getResourceAsStream("/db/audit/" + migration)) {
        String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        int feedback = sql.indexOf("CREATE TABLE audit_feedback");
        String table = feedback < 0 ? sql : sql.substring(0, feedback);
        Matcher m =
            Pattern.compile("(\\w+)\\s+(VARCHAR\\((\\d+)\\)|TEXT|TIMESTAMP)").matcher(table);
        while (m.find()) {
          sizes.put(m.group(1), m.group(3) == null ? -1 : Integer.parseInt(m.group(3)));
        }
      }
    }
    String columns = AuditRows.INSERT.replaceAll(".*\\((.*?)\\) VALUES.*", "$1");
    List<Integer> expected = new ArrayList<>();
    for (String column : columns.split(",")) {
      expected.add(sizes.get(column.trim()));
    }
    assertThat(AuditLimits.RECORD).isEqualTo(expected);
  }

  @Test
  void asOf_fourDigitYearsOnly_namingTheParameter() {
    assertThat(AuditLimits.asOfProblem("2026-11-01")).isEmpty();
    assertThat(AuditLimits.asOfProblem("+12345-01-01"))
        .hasValueSatisfying(p -> p.contains("as-of"));
    assertThat(AuditLimits.asOfProblem("2026-02-30")).isPresent();
    assertThat(AuditLimits.asOfProblem("2026-11-01\u001b]0;x"))
        .hasValueSatisfying(p -> assertThat(p).doesNotContain("\u001b"));
  }
}
