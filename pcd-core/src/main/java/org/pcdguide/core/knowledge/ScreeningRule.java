package org.pcdguide.core.knowledge;

/** A population screening rule (pcd screen): flags a patient worth acting on, by finding. */
public record ScreeningRule(Basis basis, String item) implements Entry {}
