package org.pcdguide.bulk;

import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;
import org.pcdguide.core.knowledge.Vocabulary;
import org.pcdguide.fhir.AgentNames;
import org.pcdguide.fhir.Terminology;

/**
 * Which codings the FHIR door maps to a concept: the terminology map's system|code pairs, and any
 * "kind:id" code of the local code system. A coded resource none of whose codings map is ignored by
 * the door (at most a note), so pass 1 can skip it without changing any patient's result
 * (PatientScreen-level equivalence is tested). A drug whose codes do not map but whose display or
 * text names an agent (a product-coded order, issue 14) is kept: the door reads it by name.
 */
public record CodeFilter(Set<String> known, String local, AgentNames names)
    implements Serializable {
  /** Keeps every resource (no filtering). */
  public static final CodeFilter NONE =
      new CodeFilter(Set.of(), "", new AgentNames(java.util.Map.of(), java.util.Map.of()));

  public CodeFilter {
    known = Set.copyOf(known);
  }

  /** The filter of the bundled pack's vocabulary. */
  public static CodeFilter of(Terminology terminology) {
    return of(terminology, BundledKnowledge.pack().vocabulary());
  }

  public static CodeFilter of(Terminology terminology, Vocabulary vocabulary) {
    Set<String> known = new HashSet<>();
    terminology.all().forEach(c -> known.add(Terminology.key(c.system(), c.code())));
    return new CodeFilter(known, terminology.local(), AgentNames.of(vocabulary, terminology));
  }

  /** Whether a drug's display or text names an agent the door would read it as. */
  boolean names(String text) {
    return text != null && names.any(text);
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
