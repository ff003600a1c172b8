package org.pcdguide.bulk;

import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;
import org.pcdguide.fhir.Terminology;

/**
 * Which codings the FHIR door maps to a concept: the terminology map's system|code pairs, and any
 * "kind:id" code of the local code system. A coded resource none of whose codings map is ignored by
 * the door (at most a note), so pass 1 can skip it without changing any patient's result
 * (PatientScreen-level equivalence is tested).
 */
public record CodeFilter(Set<String> known, String local) implements Serializable {
  /** Keeps every resource (no filtering). */
  public static final CodeFilter NONE = new CodeFilter(Set.of(), "");

  public CodeFilter {
    known = Set.copyOf(known);
  }

  public static CodeFilter of(Terminology terminology) {
    Set<String> known = new HashSet<>();
    terminology.all().forEach(c -> known.add(Terminology.key(c.system(), c.code())));
    return new CodeFilter(known, terminology.local());
  }

  boolean active() {
    return !local.isEmpty();
  }

  boolean maps(String system, String code) {
    if (system == null || code == null) {
      return false;
    }
    String s = system.trim();
    String c = code.trim();
    if (s.equals(local)) {
      int colon = c.indexOf(':');
      return colon > 0 && colon < c.length() - 1;
    }
    return known.contains(Terminology.key(s, c));
  }
}
