package org.pcdguide.core.knowledge;

import java.util.Optional;

/** Where a statement comes from: source id, locator, and for seeds the verbatim quote. */
public record Evidence(
    String source, String locator, Optional<String> quote, Optional<String> note) {}
