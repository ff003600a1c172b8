/**
 * The knowledge pack: sources, vocabulary and disorder modules loaded from YAML and validated as a
 * whole (ids, fact names and values, verbatim seed quotes), with a version and content hash.
 */
@org.jspecify.annotations.NullMarked
package org.pcdguide.core.knowledge;
