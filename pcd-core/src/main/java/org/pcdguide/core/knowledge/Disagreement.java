package org.pcdguide.core.knowledge;

/** Another source that says otherwise (or says more), shown beside the entry's own rule. */
public record Disagreement(String source, String locator, String statement) {}
