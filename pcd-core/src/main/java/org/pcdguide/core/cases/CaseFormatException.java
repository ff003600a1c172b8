package org.pcdguide.core.cases;

import java.util.List;

/** A case file that cannot be read; carries every problem found, not just the first. */
public final class CaseFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;
  private final String file;
  private final boolean malformed;

  public CaseFormatException(String file, List<Problem> problems) {
    this(file, problems, false);
  }

  private CaseFormatException(String file, List<Problem> problems, boolean malformed) {
    super(describe(file, problems));
    this.file = file;
    this.problems = List.copyOf(problems);
    this.malformed = malformed;
  }

  /** The input could not even be parsed (not JSON/YAML, not a FHIR resource). */
  public static CaseFormatException malformed(String file, Problem problem) {
    return new CaseFormatException(file, List.of(problem), true);
  }

  /** True when the input is not well-formed; false when it parsed but its content is invalid. */
  public boolean malformed() {
    return malformed;
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
