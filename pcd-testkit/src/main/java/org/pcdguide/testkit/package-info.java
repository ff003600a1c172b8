/**
 * Test support shared by every module, in test scope only: {@link NeedsChromium}, {@link
 * NeedsPostgres} and {@link NeedsSpark} tag a test with what it needs from the machine; in CI a
 * missing prerequisite fails the test, elsewhere it skips it with a notice on stderr, so the
 * README's one test command runs everything where everything is there and never passes by skipping
 * in CI.
 *
 * <p>{@link PoemsBundle} is the example POEMS patient that the tests of several doors (FHIR, CDS
 * Hooks, bulk screening) start from, built in one place.
 */
package org.pcdguide.testkit;
