package org.pcdguide.app;

/** How an input's format is known: declared as a FHIR Bundle, or detected by its content. */
public enum InputFormat {
  /** A FHIR Bundle when its content looks like one, else a case file (YAML or JSON). */
  DETECTED,
  /**
   * Declared a FHIR Bundle (e.g. {@code application/fhir+json}): the FHIR door, whatever it looks
   * like.
   */
  FHIR_BUNDLE
}
