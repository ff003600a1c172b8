package org.pcdguide.core.render;

import java.util.ArrayList;
import java.util.List;
import org.pcdguide.core.engine.Assessment;
import org.pcdguide.core.engine.DiagnosisStatus;
import org.pcdguide.core.knowledge.Entry;
import org.pcdguide.core.knowledge.Vocabulary;

/** The diagnosis check and the differential of a {@link ReportView}. */
final class DiagnosisViews {
  private DiagnosisViews() {}

  static ReportView.Diagnosis diagnosis(
      Assessment.DiagnosisCheck d, Vocabulary vocabulary, PackViews views) {
    List<ReportView.Criterion> criteria = new ArrayList<>();
    for (Assessment.CriterionResult r : d.criteria()) {
      criteria.add(
          new ReportView.Criterion(
              r.entry().id(),
              r.group(),
              r.entry().title(),
              r.met(),
              r.entry().statement(),
              r.because(),
              views.evidence(r.entry())));
    }
    return new ReportView.Diagnosis(
        d.disorder(),
        vocabulary.label(d.disorder()),
        d.status(),
        d.because(),
        criteria,
        d.rule().map(Entry::statement),
        d.rule().map(views::evidence).orElse(List.of()));
  }

  static ReportView.Differential differential(
      Assessment.Differential d, Vocabulary vocabulary, PackViews views) {
    String labelled =
        d.caseLabel().map(l -> "the case is labelled " + l).orElse("the case has no label");
    String statement =
        d.status() == DiagnosisStatus.CRITERIA_MET
            ? "The findings meet the " + d.moduleLabel() + " criteria (" + labelled + ")."
            : "The "
                + d.moduleLabel()
                + " criteria are not excluded ("
                + labelled
                + "); met so far: "
                + String.join("; ", d.metCriteria())
                + ". The missing data below decide it.";
    return new ReportView.Differential(
        d.disorder(),
        vocabulary.label(d.disorder()),
        d.status(),
        statement,
        d.rule().map(views::evidence).orElse(List.of()));
  }
}
