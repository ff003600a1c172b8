package org.pcdguide.core.knowledge;

import java.util.Optional;

/** A diagnostic criterion (with the fact it documents) or a module's diagnostic rule (none). */
public record DiagnosticEntry(Basis basis, Optional<Entry.Criterion> criterion) implements Entry {}
