package org.pcdguide.bulk;

import java.io.Serializable;

/**
 * One NDJSON line of an export, with the file (by index in the run's file list) and line number.
 */
public record Located(int file, long line, String json) implements Serializable {}
