package org.pcdguide.core.knowledge;

import java.util.List;

/** A knowledge pack that cannot be loaded; lists every problem found. */
public final class KnowledgePackException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> problems;

  public KnowledgePackException(List<String> problems) {
    super(
        "knowledge pack invalid: "
            + problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + "\n  "
            + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
