/**
 * The engine: a pure, deterministic function from a case, the pack and a date to an assessment.
 * Conditions are evaluated with three-valued logic; unknown conditions become missing data.
 */
@org.jspecify.annotations.NullMarked
package org.pcdguide.core.engine;
