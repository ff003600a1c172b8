package org.pcdguide.core.knowledge;

/** The type of a fact's known values, used to check conditions in the knowledge pack. */
public enum FactType {
  BOOLEAN,
  NUMBER,
  ENUM,
  DATE;

  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
