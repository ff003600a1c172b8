package org.pcdguide.core.knowledge;

import java.util.Optional;

/**
 * Where a statement comes from: source id, locator, and for seeds the verbatim quote. {@code
 * unsupported} marks a seed statement for which no supporting source could be located.
 */
public record Evidence(
    String source,
    String locator,
    Optional<String> quote,
    Optional<String> note,
    boolean unsupported) {}
