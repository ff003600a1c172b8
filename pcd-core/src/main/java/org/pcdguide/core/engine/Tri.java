package org.pcdguide.core.engine;

/** Three-valued truth of a condition. */
public enum Tri {
  TRUE,
  FALSE,
  UNKNOWN
}
