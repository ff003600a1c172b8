/**
 * Facts: small named functions that derive clinical findings from a case (POEMS criteria, extent,
 * cytopenias, therapy history). Unknown is a value that names the finding that would decide it. The
 * registry is an explicit sorted list.
 */
@org.jspecify.annotations.NullMarked
package org.pcdguide.core.facts;
