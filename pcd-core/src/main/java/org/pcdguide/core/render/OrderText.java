package org.pcdguide.core.render;

import java.util.Comparator;
import java.util.List;
import org.pcdguide.core.engine.Assessment;
import org.pcdguide.core.knowledge.Entry;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.Severity;

/** The wording of the verdicts on proposed orders, once, for every output. */
final class OrderText {
  private OrderText() {}

  /** The verdicts, most serious first (critical, warning, caution, informational). */
  static List<ReportView.Verdict> verdicts(List<Assessment.Verdict> verdicts, KnowledgePack pack) {
    return verdicts.stream()
        .sorted(Comparator.comparingInt(OrderText::weight))
        .map(
            v ->
                new ReportView.Verdict(
                    v.kind(), v.entry(), v.rank(), v.severity(), statement(v, pack), v.because()))
        .toList();
  }

  private static int weight(Assessment.Verdict v) {
    return v.severity().map(Severity::ordinal).orElse(Severity.values().length);
  }

  static String statement(Assessment.Verdict v, KnowledgePack pack) {
    String entry = v.entry().orElse("");
    String heading = v.entry().flatMap(pack::entry).map(Entry::heading).orElse("");
    String because = String.join("; ", v.because());
    return switch (v.kind()) {
      case MATCHES_OPTION -> "matches option " + v.rank() + " [" + entry + "]";
      case PART_OF_OPTION -> "is part of option " + v.rank() + " [" + entry + "]";
      case WEAKLY_SUPPORTED ->
          "option " + entry + " has weak support for this setting (" + because + ")";
      case HITS_AVOID ->
          v.severity().orElse(Severity.CRITICAL) == Severity.CRITICAL
              ? "CRITICAL: an agent to avoid for this patient [" + entry + "]"
              : "CAUTION: calls for caution in this patient [" + entry + "]";
      case MAY_HIT_AVOID ->
          because.isEmpty()
              ? "may be an agent to avoid once the missing data are known [" + entry + "]"
              : "may be an agent to avoid under " + entry + ": " + because + ", so it cannot say";
      case EVALUATE_FIRST -> "evaluate first [" + entry + "]: " + heading;
      case AGAINST_PITFALL -> "contradicts pitfall [" + entry + "]: " + heading;
      case MODULE_CONFLICT ->
          "CRITICAL: modules conflict on it ("
              + because
              + "); the avoid entry holds until the clinician decides";
      case LABEL_CONTRADICTED ->
          "CRITICAL: disease-directed treatment ["
              + entry
              + "] of a diagnosis the findings contradict ("
              + because
              + "); confirm the diagnosis before treating";
      case GIVEN_BEFORE -> "already given (" + because + ")";
      case FAILED_BEFORE -> "given before without success (" + because + "); not recommended again";
      case NOT_TOLERATED -> "not tolerated before (" + because + "); not recommended again";
      case UNCHECKED ->
          "matches no option and no agent-to-avoid entry; the pack has no rule against it, which"
              + " is not an endorsement";
    };
  }

  /** A verdict that is critical in its own right: a module conflict or a contradicted label. */
  static boolean critical(ReportView.Verdict v) {
    return v.kind() == org.pcdguide.core.engine.VerdictKind.MODULE_CONFLICT
        || v.kind() == org.pcdguide.core.engine.VerdictKind.LABEL_CONTRADICTED;
  }

  /** The headline flag of a verdict that must be seen at a glance (not an avoid hit). */
  static String flag(String label, ReportView.Verdict v) {
    return (critical(v) ? "CRITICAL" : "WARNING")
        + ": proposed "
        + label
        + ": "
        + (v.statement().startsWith("CRITICAL: ")
            ? v.statement().substring("CRITICAL: ".length())
            : v.statement());
  }
}
