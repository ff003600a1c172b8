package org.pcdguide.testkit;

import java.io.PrintStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

/**
 * Checks a tagged test's prerequisite before it runs. Missing in CI: the test fails, naming what is
 * missing (a skipped test would let CI pass without having run it). Missing elsewhere: the test is
 * skipped with a notice on stderr, so a developer without Chromium can still run the build.
 */
final class PrerequisiteCheck
    implements ExecutionCondition,
        BeforeAllCallback,
        BeforeEachCallback,
        LifecycleMethodExecutionExceptionHandler {
  /** Set by .ci/run; {@code CI=true} is what hosted CI services set. */
  static final String REQUIRE_ALL = "PCD_REQUIRE_ALL_TESTS";

  private static final Namespace HERE = Namespace.create(PrerequisiteCheck.class);
  private static final String UNAVAILABLE = "unavailable";

  private static final Map<Class<? extends Annotation>, Prerequisite> NEEDS =
      Map.of(
          NeedsChromium.class, Prerequisite.CHROMIUM,
          NeedsPostgres.class, Prerequisite.POSTGRES,
          NeedsSpark.class, Prerequisite.SPARK);

  /**
   * Skips a test class or method (reported as skipped, one per test) when what it needs is missing
   * outside CI; in CI the failure is kept for the first callback, where JUnit reports a failure.
   */
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Map<String, String> env = System.getenv();
    for (Prerequisite p : context.getElement().map(PrerequisiteCheck::needs).orElse(List.of())) {
      var reason = p.missing(env);
      if (reason.isPresent()) {
        RuntimeException e =
            unavailable(p, reason.get(), context.getDisplayName(), env, System.err, null);
        if (e instanceof TestAbortedException) {
          return ConditionEvaluationResult.disabled(e.getMessage());
        }
        context.getStore(HERE).put(UNAVAILABLE, e);
      }
    }
    return ConditionEvaluationResult.enabled("prerequisites present");
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    throwIfUnavailable(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    throwIfUnavailable(context);
  }

  /** Finds what this context or its class recorded (the store falls back to the class's). */
  private static void throwIfUnavailable(ExtensionContext context) {
    RuntimeException e = context.getStore(HERE).get(UNAVAILABLE, RuntimeException.class);
    if (e != null) {
      throw e;
    }
  }

  /**
   * A Spark test's {@code @BeforeAll} starts Spark and nothing else: its failure means Spark cannot
   * start. In CI that fails the class; elsewhere each test is skipped, so the counts show them.
   */
  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable t)
      throws Throwable {
    if (!needs(context.getRequiredTestClass()).contains(Prerequisite.SPARK)) {
      throw t;
    }
    RuntimeException e = sparkCannotStart(context, t);
    if (!(e instanceof TestAbortedException)) {
      throw e;
    }
    context.getStore(HERE).put(UNAVAILABLE, e);
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable t)
      throws Throwable {
    if (needs(context.getRequiredTestClass()).contains(Prerequisite.SPARK)
        || needs(context.getRequiredTestMethod()).contains(Prerequisite.SPARK)) {
      throw sparkCannotStart(context, t);
    }
    throw t;
  }

  private static RuntimeException sparkCannotStart(ExtensionContext context, Throwable t) {
    return unavailable(
        Prerequisite.SPARK,
        "it cannot start here: " + t,
        context.getDisplayName(),
        System.getenv(),
        System.err,
        t);
  }

  static List<Prerequisite> needs(AnnotatedElement element) {
    return NEEDS.entrySet().stream()
        .filter(e -> AnnotationSupport.isAnnotated(element, e.getKey()))
        .map(Map.Entry::getValue)
        .sorted()
        .toList();
  }

  /** Whether this run must run every test: CI, where a skipped test would be a silent pass. */
  static boolean requireAll(Map<String, String> env) {
    return yes(env.get(REQUIRE_ALL)) || yes(env.get("CI"));
  }

  private static boolean yes(String value) {
    return value != null && List.of("1", "true", "yes").contains(value.toLowerCase(Locale.ROOT));
  }

  /**
   * What to throw when {@code p} is missing: an AssertionError in CI, else (after a notice on
   * {@code notices}) an aborted test, which JUnit reports as skipped.
   */
  static RuntimeException unavailable(
      Prerequisite p,
      String reason,
      String test,
      Map<String, String> env,
      PrintStream notices,
      Throwable cause) {
    if (requireAll(env)) {
      String message =
          test
              + " needs "
              + p.title()
              + ": "
              + reason
              + ". This run must run every test ("
              + REQUIRE_ALL
              + " or CI is set); .ci/run installs and starts what the tests need.";
      return new MissingPrerequisite(message, cause);
    }
    String message = "skipped " + test + " [" + p.tag() + "]: " + p.title() + ": " + reason;
    notices.println(
        "NOTICE "
            + message
            + " (a CI run fails here instead; set "
            + REQUIRE_ALL
            + "=1 to do the same)");
    return new TestAbortedException(message, cause);
  }

  /** The failure of a test whose prerequisite is missing where every test must run. */
  static final class MissingPrerequisite extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MissingPrerequisite(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
