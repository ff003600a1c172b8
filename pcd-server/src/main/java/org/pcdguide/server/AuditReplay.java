package org.pcdguide.server;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.pcdguide.app.AsOf;
import org.pcdguide.app.AssessmentService;
import org.pcdguide.app.InputFormat;
import org.pcdguide.app.OutputFormat;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.fhir.Terminology;

/**
 * Re-runs a recorded call with a (possibly newer) pack, as of the date the record says the call
 * used, so that the same pack gives the same output whatever the clock or zone of the replaying
 * machine.
 */
public final class AuditReplay {
  private AuditReplay() {}

  /**
   * The output the record's call gives with {@code pack}; empty when its kind is not replayable.
   */
  public static Optional<String> output(
      KnowledgePack pack, Terminology terminology, AuditLog.Record r) {
    if (CdsCall.isService(r.kind())) {
      return Optional.of(CdsCall.replay(pack, terminology, r.input(), r.reportToken()));
    }
    return assessment(pack, terminology, r, Optional.empty());
  }

  /**
   * The full report (JSON, what the clinician page renders) the record's call gives with {@code
   * pack}, as of the same date as {@link #output}; for a CDS Hooks call, the report its cards link
   * to. Empty when its kind is not replayable.
   */
  public static Optional<String> report(
      KnowledgePack pack, Terminology terminology, AuditLog.Record r) {
    if (CdsCall.isService(r.kind())) {
      CdsCall call = CdsCall.recorded(r.input());
      return Optional.of(
          call.report(new AssessmentService(pack, terminology, AsOf.given(call.asOf()).clock())));
    }
    return assessment(pack, terminology, r, Optional.of(OutputFormat.JSON));
  }

  private static Optional<String> assessment(
      KnowledgePack pack, Terminology terminology, AuditLog.Record r, Optional<OutputFormat> as) {
    if (!r.kind().startsWith("assess:")) {
      return Optional.empty();
    }
    OutputFormat format =
        as.orElseGet(() -> OutputFormat.parse(r.kind().substring("assess:".length())));
    InputFormat input =
        r.inputType().equals("application/fhir+json")
            ? InputFormat.FHIR_BUNDLE
            : InputFormat.DETECTED;
    byte[] content = r.input().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String name = "record " + r.id();
    if (r.asOf().isPresent() && r.asOfZone().isPresent()) {
      // the call named no date and was assessed as of today in that zone: that day again
      AsOf today =
          new AsOf(LocalDate.parse(r.asOf().get()), Optional.of(ZoneId.of(r.asOfZone().get())));
      return Optional.of(
          report(pack, terminology, today.clock(), name, content, input, Optional.empty(), format));
    }
    // a given date; or, recorded before schema V3 without ?as-of, the case file's date else the
    // day of the recording in UTC, as replay then assumed
    Clock before = Clock.fixed(r.recordedAt(), ZoneOffset.UTC);
    Optional<LocalDate> given = r.asOf().map(LocalDate::parse);
    return Optional.of(report(pack, terminology, before, name, content, input, given, format));
  }

  private static String report(
      KnowledgePack pack,
      Terminology terminology,
      Clock clock,
      String name,
      byte[] content,
      InputFormat input,
      Optional<LocalDate> given,
      OutputFormat format) {
    return new AssessmentService(pack, terminology, clock)
        .report(name, content, input, given, format)
        .text();
  }
}
