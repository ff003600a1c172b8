package org.pcdguide.bulk;

import java.io.Serializable;
import java.util.List;

/**
 * The screening outcome of one patient: the output line (JSON), and what the summary counts: the
 * finding codes, the disorder modules assessed, the avoid entries hit, the table rows (one per
 * finding, columns {@link Csv#HEADER}) and any errors.
 */
public record PatientResult(
    String patient,
    String json,
    List<String> findings,
    List<String> modules,
    List<String> avoidHits,
    List<List<String>> rows,
    List<BulkError> errors)
    implements Serializable {
  public PatientResult {
    findings = List.copyOf(findings);
    modules = List.copyOf(modules);
    avoidHits = List.copyOf(avoidHits);
    rows = rows.stream().map(List::copyOf).toList();
    errors = List.copyOf(errors);
  }

  public boolean flagged() {
    return !findings.isEmpty();
  }

  public boolean unreadable() {
    return errors.stream().anyMatch(e -> e.kind().equals(BulkError.UNREADABLE_PATIENT));
  }
}
