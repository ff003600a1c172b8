package org.pcdguide.core.cases;

import java.util.List;

/** A case file that cannot be read; carries every problem found, not just the first. */
public final class CaseFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;
  private final String file;

  public CaseFormatException(String file, List<Problem> problems) {
    super(describe(file, problems));
    this.file = file;
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  public String file() {
    return file;
  }

  private static String describe(String file, List<Problem> problems) {
    StringBuilder text = new StringBuilder();
    text.append(file).append(": ").append(problems.size());
    text.append(problems.size() == 1 ? " problem" : " problems");
    for (Problem p : problems) {
      text.append("\n  ").append(p);
    }
    return text.toString();
  }
}
