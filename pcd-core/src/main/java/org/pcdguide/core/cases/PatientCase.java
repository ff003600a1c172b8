package org.pcdguide.core.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The validated, typed picture of one patient. Every door (case file, FHIR, CDS Hooks, bulk)
 * produces exactly this. {@code history} is empty when the input says nothing about prior therapy
 * (unknown), and present-but-empty when it says there was none. Labs and proposed orders are kept
 * in a canonical order, so the order in which a door lists them never changes an assessment. {@code
 * notes} are what a door read but could not use (an unknown code, a refuted condition), so that
 * nothing is dropped silently; the assessment lists them as warnings.
 */
public record PatientCase(
    String id,
    Optional<LocalDate> asOf,
    Patient patient,
    Optional<String> diagnosis,
    Map<String, Finding> findings,
    Clonality clonality,
    List<Lab> labs,
    Optional<List<Therapy>> history,
    List<String> proposed,
    List<Problem> notes) {
  /** By test, then date (undated last), then value. */
  private static final java.util.Comparator<Lab> LAB_ORDER =
      (a, b) -> {
        int c = a.test().compareTo(b.test());
        if (c == 0) {
          c = a.date().orElse(LocalDate.MAX).compareTo(b.date().orElse(LocalDate.MAX));
        }
        return c != 0 ? c : Double.compare(a.value(), b.value());
      };

  public PatientCase {
    findings = java.util.Collections.unmodifiableMap(new TreeMap<>(findings));
    Lab[] sorted = labs.toArray(new Lab[0]);
    java.util.Arrays.sort(sorted, LAB_ORDER);
    labs = List.of(sorted);
    history = history.map(List::copyOf);
    proposed = proposed.isEmpty() ? List.of() : List.copyOf(new java.util.TreeSet<>(proposed));
    notes = List.copyOf(notes);
  }

  /** A case with no door notes (the case-file door reports problems instead). */
  public PatientCase(
      String id,
      Optional<LocalDate> asOf,
      Patient patient,
      Optional<String> diagnosis,
      Map<String, Finding> findings,
      Clonality clonality,
      List<Lab> labs,
      Optional<List<Therapy>> history,
      List<String> proposed) {
    this(id, asOf, patient, diagnosis, findings, clonality, labs, history, proposed, List.of());
  }

  public Optional<Finding> finding(String findingId) {
    return Optional.ofNullable(findings.get(findingId));
  }

  /** The latest result of a test on or before {@code asOf} (undated results count as current). */
  public Optional<Lab> latestLab(String test, LocalDate asOf) {
    Lab best = null;
    for (Lab lab : labs) {
      if (!lab.test().equals(test) || (lab.date().isPresent() && lab.date().get().isAfter(asOf))) {
        continue;
      }
      if (best == null || later(lab, best)) {
        best = lab;
      }
    }
    return Optional.ofNullable(best);
  }

  private static boolean later(Lab a, Lab b) {
    LocalDate da = a.date().orElse(LocalDate.MAX);
    LocalDate db = b.date().orElse(LocalDate.MAX);
    return da.isAfter(db);
  }
}
