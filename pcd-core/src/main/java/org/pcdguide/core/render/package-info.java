/**
 * Renderers: the clinician's text and Markdown report, the JSON contract and the generated rule
 * pages. Output is byte-identical for the same input and pack.
 */
@org.jspecify.annotations.NullMarked
package org.pcdguide.core.render;
