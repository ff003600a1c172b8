package org.pcdguide.bulk;

import java.io.Serializable;
import java.util.List;

/**
 * The screening outcome of one patient: the output line (JSON), and what the summary counts: the
 * finding codes, the disorder modules assessed, the avoid entries hit, and any errors.
 */
public record PatientResult(
    String patient,
    String json,
    List<String> findings,
    List<String> modules,
    List<String> avoidHits,
    List<String> csvRows,
    List<BulkError> errors)
    implements Serializable {
  public PatientResult {
    findings = List.copyOf(findings);
    modules = List.copyOf(modules);
    avoidHits = List.copyOf(avoidHits);
    csvRows = List.copyOf(csvRows);
    errors = List.copyOf(errors);
  }

  public boolean flagged() {
    return !findings.isEmpty();
  }

  public boolean unreadable() {
    return errors.stream().anyMatch(e -> e.kind().equals(BulkError.UNREADABLE_PATIENT));
  }
}
