package org.pcdguide.core.facts;

/** A finding (or lab, or detail) whose absence keeps a fact unknown, and why it matters. */
public record MissingFinding(String finding, String statement) {}
