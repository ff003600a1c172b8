package org.pcdguide.core.render;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pcdguide.core.knowledge.Entry;
import org.pcdguide.core.knowledge.Evidence;
import org.pcdguide.core.knowledge.KnowledgePack;

/** The evidence labels shown beside an entry's statement in every renderer. */
final class Labels {
  static final String UNSUPPORTED = "unsupported by a located source";

  private Labels() {}

  static List<String> of(Entry e, KnowledgePack pack) {
    Set<String> labels = new LinkedHashSet<>();
    for (Evidence ev : e.evidence()) {
      labels.addAll(pack.source(ev.source()).labels());
      if (ev.unsupported()) {
        labels.add(UNSUPPORTED);
      }
    }
    if (!e.disagreements().isEmpty()) {
      labels.add("sources disagree");
    }
    return List.copyOf(labels);
  }
}
