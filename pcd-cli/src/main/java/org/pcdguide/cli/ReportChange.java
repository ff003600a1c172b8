package org.pcdguide.cli;

/**
 * One change a new pack makes to a recorded patient's report, in the clinician's terms: of which
 * {@link Kind}, and what it says (the entry, its title, before and after).
 */
record ReportChange(Kind kind, String text) {
  /** The kinds of change, in the order a summary lists them. */
  enum Kind {
    HEADLINE("headline changed"),
    RECOMMENDATION_ADDED("recommendation added"),
    RECOMMENDATION_REMOVED("recommendation removed"),
    RECOMMENDATION_RERANKED("recommendation reranked"),
    RECOMMENDATION_REWORDED("recommendation reworded"),
    AVOID_ADDED("avoid entry added"),
    AVOID_REMOVED("avoid entry removed"),
    ORDER_DISPOSITION("proposed-order disposition changed"),
    OTHER("other report sections changed");

    private final String words;

    Kind(String words) {
      this.words = words;
    }

    /** How the report and its summary name this kind. */
    String words() {
      return words;
    }
  }

  ReportChange {
    if (kind == null || text == null) {
      throw new IllegalArgumentException("a report change needs its kind and text");
    }
  }
}
