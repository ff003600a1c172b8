package org.pcdguide.core.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pcdguide.core.knowledge.Evidence;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.Source;

/** Evidence as readers see it: the source's kind, population, grade and labels beside the quote. */
final class Citations {
  private static final Pattern NUMBERS = Pattern.compile("citations?\\s+([0-9][0-9,\\s]*)");

  private Citations() {}

  /** "human, n=31, 2011" style description of a source's design. */
  static String population(Source s) {
    StringBuilder b = new StringBuilder(s.population().word());
    if (!s.sameEntity()) {
      b.append(", different entity");
    }
    s.size().ifPresent(n -> b.append(", n=").append(n));
    s.year().ifPresent(y -> b.append(", ").append(y));
    return b.toString();
  }

  /** The seed's numbered citations in this locator that the pack identified, e.g. ref 5. */
  static List<String> identified(Evidence e, KnowledgePack pack) {
    Source s = pack.sources().get(e.source());
    List<String> out = new ArrayList<>();
    if (s == null || s.citedReferences().isEmpty()) {
      return out;
    }
    Matcher m = NUMBERS.matcher(e.locator());
    if (!m.find()) {
      return out;
    }
    for (String n : m.group(1).split("[,\\s]+")) {
      for (Source.CitedReference r : s.citedReferences()) {
        if (r.locator().equals("ref " + n.trim())) {
          out.add(r.locator() + " = " + r.identifiedAs() + " (" + r.status() + ")");
        }
      }
    }
    return out;
  }
}
