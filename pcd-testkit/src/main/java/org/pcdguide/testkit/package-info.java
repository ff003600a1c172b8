/**
 * Test support shared by every module, in test scope only: {@link NeedsChromium}, {@link
 * NeedsPostgres} and {@link NeedsSpark} tag a test with what it needs from the machine; in CI a
 * missing prerequisite fails the test, elsewhere it skips it with a notice on stderr, so the
 * README's one test command runs everything where everything is there and never passes by skipping
 * in CI.
 */
package org.pcdguide.testkit;
