package org.pcdguide.core.facts;

import java.util.List;
import java.util.Optional;
import org.pcdguide.core.cases.Finding;
import org.pcdguide.core.cases.Therapy;
import org.pcdguide.core.knowledge.Vocabulary;

/**
 * Multiple myeloma with extramedullary plasmacytoma. The myeloma diagnosis is the clinician's label
 * (the seeds give no criteria); a polyclonal finding overrules it (misdiagnosis pitfall).
 */
final class MyelomaFacts {
  private MyelomaFacts() {}

  static FactValue labelled(FactContext ctx) {
    Optional<String> d = ctx.patientCase().diagnosis();
    boolean mm = d.map("multiple-myeloma"::equals).orElse(false);
    // the sources give no myeloma criteria: the label is the criterion, and says so (issue 14)
    return FactValue.of(
        mm,
        d.map(
                x ->
                    mm
                        ? "label accepted (no criteria encoded): diagnosis = " + x
                        : "diagnosis = " + x)
            .orElse("no diagnosis label"));
  }

  static FactValue notPolyclonal(FactContext ctx) {
    FactValue c = ctx.fact("clonality");
    if (c.is("polyclonal")) {
      return new FactValue.Known(false, c.because());
    }
    return c.known()
        ? new FactValue.Known(true, c.because())
        : FactValue.of(true, "clonality unknown: the clinician's label stands");
  }

  static FactValue empDetail(FactContext ctx, String detail) {
    Optional<Finding> f = ctx.patientCase().finding("extramedullary-plasmacytoma");
    if (f.isEmpty() || !f.get().present()) {
      return FactValue.unknown(
          "extramedullary-plasmacytoma", "no extramedullary plasmacytoma is stated");
    }
    return f.get()
        .text(detail)
        .<FactValue>map(v -> FactValue.of(v, "extramedullary-plasmacytoma." + detail + " = " + v))
        .orElseGet(
            () ->
                FactValue.unknown(
                    "extramedullary-plasmacytoma." + detail,
                    "the plasmacytoma's " + detail + " is not stated"));
  }

  static FactValue cd56Negative(FactContext ctx) {
    FactValue v = ctx.fact("finding.cd56-expression");
    return v instanceof FactValue.Known k
        ? new FactValue.Known(Boolean.FALSE.equals(k.value()), k.because())
        : v;
  }

  /** Relapsed or refractory: a plasmacytoma at relapse, or progression after systemic therapy. */
  static FactValue relapsedRefractory(FactContext ctx) {
    FactValue timing = ctx.fact("emp.timing");
    if (timing.is("relapse")) {
      return new FactValue.Known(true, timing.because());
    }
    Optional<List<Therapy>> history = ctx.patientCase().history();
    Vocabulary v = ctx.pack().vocabulary();
    boolean systemic = false;
    for (Therapy t : history.orElse(List.of())) {
      boolean isSystemic =
          v.agentsOf(t.therapy()).stream()
              .anyMatch(a -> v.agents().containsKey(a) && v.agents().get(a).systemic());
      systemic |= isSystemic;
      if (isSystemic && t.response().map(TherapyFacts.NOT_STABILIZED::contains).orElse(false)) {
        return FactValue.of(true, "history: " + t.therapy() + " response " + t.response().get());
      }
    }
    if (timing.is("diagnosis")) {
      return new FactValue.Known(false, timing.because());
    }
    if (history.isPresent() && !systemic) {
      return FactValue.of(false, "history lists no systemic therapy (newly diagnosed)");
    }
    return FactValue.unknown(
        "extramedullary-plasmacytoma.timing",
        "whether the disease is newly diagnosed or relapsed/refractory is not stated (plasmacytoma"
            + " timing, or prior therapy and its response)");
  }
}
