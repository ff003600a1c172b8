package org.pcdguide.core.facts;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.Threshold;

/**
 * Everything a fact function may read: the case, the pack (for sourced thresholds and the
 * vocabulary) and the assessment date. Facts are derived once per assessment and memoized; the
 * order in which they were first used is kept for the output.
 */
public final class FactContext {
  private final PatientCase patientCase;
  private final KnowledgePack pack;
  private final LocalDate asOf;
  private final Map<String, FactValue> values = new LinkedHashMap<>(64);
  private final java.util.ArrayDeque<String> inProgress = new java.util.ArrayDeque<>();
  private final Map<Object, Object> memo = new java.util.IdentityHashMap<>(32);
  private final Map<String, String> traces = new java.util.HashMap<>(32);

  public FactContext(PatientCase patientCase, KnowledgePack pack, LocalDate asOf) {
    this.patientCase = patientCase;
    this.pack = pack;
    this.asOf = asOf;
  }

  public PatientCase patientCase() {
    return patientCase;
  }

  public KnowledgePack pack() {
    return pack;
  }

  public LocalDate asOf() {
    return asOf;
  }

  /** The value of fact {@code name}, derived on first use. */
  public FactValue fact(String name) {
    FactValue v = values.get(name);
    if (v != null) {
      return v;
    }
    if (inProgress.contains(name)) {
      throw new IllegalStateException("fact " + name + " depends on itself");
    }
    inProgress.push(name);
    try {
      v = FactDefs.of(pack.vocabulary(), name).derive().apply(this);
    } finally {
      inProgress.pop();
    }
    values.put(name, v);
    return v;
  }

  /**
   * Sets a fact that comes from the assessment rather than the case ({@code assessment.*}); the
   * engine does so before it evaluates screening rules.
   */
  public void settle(String name, FactValue value) {
    values.put(name, value);
    memo.clear();
    traces.clear();
  }

  /** The trace line {@code "name = value"} of fact {@code name}, built once per assessment. */
  public String trace(String name) {
    String t = traces.get(name);
    if (t == null) {
      t = name + " = " + fact(name).display();
      traces.put(name, t);
    }
    return t;
  }

  /**
   * What the engine derived from pack object {@code key} (the outcome of one condition) in this
   * assessment, or null: a condition shared by many entries (a module's gate) is evaluated once.
   * Cleared when a fact is settled, so nothing derived from an earlier value is kept.
   */
  public Object memo(Object key) {
    return memo.get(key);
  }

  /** Keeps {@code value} as what was derived from pack object {@code key} in this assessment. */
  public void memo(Object key, Object value) {
    memo.put(key, value);
  }

  /** A sourced threshold the pack must declare (checked when the pack is loaded). */
  public Threshold threshold(String id) {
    return PackThresholds.of(pack).threshold(id);
  }

  /** Every fact derived so far, in first-use order. */
  public Map<String, FactValue> derived() {
    return java.util.Collections.unmodifiableMap(values);
  }
}
