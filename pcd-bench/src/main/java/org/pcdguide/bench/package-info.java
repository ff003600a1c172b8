/** JMH benchmarks; see docs/benchmarks.md for the commands and the figures measured. */
package org.pcdguide.bench;
