package org.pcdguide.core.knowledge;

import java.util.Optional;

/** An investigational trial; its condition is the eligibility, its registry the trial's id. */
public record TrialEntry(Basis basis, Optional<String> registry) implements Entry {}
