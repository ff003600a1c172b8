package org.pcdguide.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.pcdguide.app.RequestException;
import org.pcdguide.core.cases.CaseFormatException;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.fhir.Terminology;
import org.pcdguide.server.AuditLog;
import org.pcdguide.server.AuditReplay;

/**
 * Compares what one recorded call gave with what a candidate pack gives, through the same replay as
 * {@code pcd audit replay}. The audit log keeps only the hash of an output, so the "before" is the
 * baseline pack's replay, trusted only when it reproduces the recorded output exactly; the "after"
 * is the candidate's. Both are compared as full JSON reports ({@link ReportChanges}).
 */
final class ImpactReplay {
  static final String OTHER_PACK = "recorded with another pack than the baseline";
  static final String NOT_REPRODUCED = "the baseline pack does not reproduce the recorded output";
  static final String KIND = "a kind that cannot be replayed";
  static final String REFUSED = "the input is refused";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final KnowledgePack baseline;
  private final KnowledgePack candidate;
  private final Terminology terminology;

  ImpactReplay(KnowledgePack baseline, KnowledgePack candidate, Terminology terminology) {
    this.baseline = baseline;
    this.candidate = candidate;
    this.terminology = terminology;
  }

  ImpactOutcome of(AuditLog.Record r) {
    if (!r.knowledgeHash().equals(baseline.hash())) {
      return new ImpactOutcome.NotReplayable(
          OTHER_PACK,
          "recorded with knowledge "
              + r.knowledge()
              + " ("
              + r.knowledgeHash()
              + "), the baseline is "
              + baseline.version()
              + " ("
              + baseline.hash()
              + ")");
    }
    Optional<String> was;
    try {
      was = AuditReplay.output(baseline, terminology, r);
    } catch (CaseFormatException | RequestException e) {
      return new ImpactOutcome.NotReplayable(REFUSED, "the baseline pack: " + e.getMessage());
    }
    if (was.isEmpty()) {
      return new ImpactOutcome.NotReplayable(KIND, "kind " + r.kind() + " cannot be replayed");
    }
    if (!AuditLog.sha256(was.get()).equals(r.outputHash())) {
      return new ImpactOutcome.NotReplayable(
          NOT_REPRODUCED,
          "replayed with the baseline pack "
              + baseline.version()
              + ", the output differs from the recorded one (pcd itself changed since)");
    }
    if (candidate.hash().equals(baseline.hash())) {
      return new ImpactOutcome.Unchanged();
    }
    List<ReportChange> changes;
    try {
      changes =
          ReportChanges.between(
              JSON.readTree(AuditReplay.report(baseline, terminology, r).orElseThrow()),
              JSON.readTree(AuditReplay.report(candidate, terminology, r).orElseThrow()));
    } catch (CaseFormatException | RequestException e) {
      return new ImpactOutcome.NotReplayable(REFUSED, "the new pack: " + e.getMessage());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a replayed report is not JSON: " + e.getMessage(), e);
    }
    return changes.isEmpty() ? new ImpactOutcome.Unchanged() : new ImpactOutcome.Changed(changes);
  }
}
