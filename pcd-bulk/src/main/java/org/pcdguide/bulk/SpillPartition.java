package org.pcdguide.bulk;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One spill partition of the embedded runner: read it, group by patient, screen, sort, write. A
 * partition that came out larger than asked (pass 1 sizes partitions by an estimate, and a gzip may
 * hold far more than it looks) is first split again by another hash of the patient, and the pieces
 * are screened one after the other, so that one piece at a time is in memory. A patient over the
 * per-patient cap is dropped from memory as soon as it passes it, counted on, and reported.
 */
final class SpillPartition {
  private SpillPartition() {}

  /** A partition's results file and the counts of all its patients. */
  record Screened(Path results, ScreenSummary summary) {}

  /** What the partition is screened with. */
  record Setup(
      Path work,
      int workers,
      PatientScreen screen,
      AtomicLong patients,
      boolean all,
      long partitionBytes,
      ScreenLimits limits) {}

  /** A patient's lines while a partition is read, or only its counts once it is over the cap. */
  private static final class Gathered {
    final ArrayList<Located> lines = new ArrayList<>();
    long resources;
    long bytes;
    boolean over;
  }

  /**
   * Screens one partition; every patient is counted in the summaries, and only those the output
   * shows (a finding, an error, or every patient with {@code all}) go to the results, one file per
   * piece, each sorted by patient.
   */
  static List<Screened> screen(Setup s, int partition) throws IOException {
    List<Path> parts = new ArrayList<>();
    long size = 0;
    for (int w = 0; w < s.workers(); w++) {
      Path p = SpillPass.partFile(s.work(), partition, w);
      parts.add(p);
      size += Files.size(p);
    }
    if (size <= s.partitionBytes()) {
      return List.of(screen(s, parts, s.work().resolve("results-" + partition)));
    }
    int pieces = (int) Math.min(4096, 2 * size / s.partitionBytes() + 1);
    List<Path> split = split(s, parts, partition, pieces);
    List<Screened> out = new ArrayList<>();
    for (int i = 0; i < pieces; i++) {
      out.add(screen(s, List.of(split.get(i)), s.work().resolve("results-" + partition + "-" + i)));
    }
    return out;
  }

  private static Screened screen(Setup s, List<Path> parts, Path result) throws IOException {
    ScreenSummary summary = new ScreenSummary();
    Map<String, Gathered> byPatient = new HashMap<>();
    for (Path part : parts) {
      read(part, byPatient, s.limits());
    }
    List<String> ids = new ArrayList<>(byPatient.keySet());
    ids.sort(null);
    try (Writer w = Files.newBufferedWriter(result, StandardCharsets.UTF_8)) {
      for (String id : ids) {
        Gathered g = byPatient.remove(id);
        PatientResult pr =
            g.over ? s.screen().tooLarge(id, g.resources, g.bytes) : s.screen().screen(id, g.lines);
        summary.patient(pr);
        if (s.all() || pr.flagged() || !pr.errors().isEmpty()) {
          w.write(ResultCodec.write(pr));
          w.write('\n');
        }
        s.patients().incrementAndGet();
      }
    }
    return new Screened(result, summary);
  }

  private static void read(Path part, Map<String, Gathered> byPatient, ScreenLimits limits)
      throws IOException {
    try (InputStream in = Files.newInputStream(part)) {
      LineReader r = new LineReader(in, spillLine(limits));
      while (r.next()) {
        byte[] b = r.bytes();
        int a = indexOf(b, 0, r.length());
        int f = indexOf(b, a + 1, r.length());
        int l = indexOf(b, f + 1, r.length());
        Gathered g =
            byPatient.computeIfAbsent(
                new String(b, 0, a, StandardCharsets.UTF_8), k -> new Gathered());
        g.resources++;
        g.bytes += r.length() - l - 1;
        if (!g.over && limits.overPatient(g.resources, g.bytes)) {
          g.over = true;
          g.lines.clear();
          g.lines.trimToSize();
        }
        if (!g.over) {
          g.lines.add(
              new Located(
                  (int) number(b, a + 1, f),
                  number(b, f + 1, l),
                  Arrays.copyOfRange(b, l + 1, r.length())));
        }
      }
    }
    Files.delete(part);
  }

  /** Splits a partition's files into {@code pieces} files by a second hash of the patient. */
  private static List<Path> split(Setup s, List<Path> parts, int partition, int pieces)
      throws IOException {
    List<Path> files = new ArrayList<>();
    OutputStream[] out = new OutputStream[pieces];
    try {
      for (int i = 0; i < pieces; i++) {
        files.add(s.work().resolve("piece-" + partition + "-" + i));
        out[i] = new BufferedOutputStream(Files.newOutputStream(files.get(i)), 1 << 15);
      }
      for (Path part : parts) {
        try (InputStream in = Files.newInputStream(part)) {
          LineReader r = new LineReader(in, spillLine(s.limits()));
          while (r.next()) {
            byte[] b = r.bytes();
            String patient = new String(b, 0, indexOf(b, 0, r.length()), StandardCharsets.UTF_8);
            OutputStream o = out[piece(patient, pieces)];
            o.write(b, 0, r.length());
            o.write('\n');
          }
        }
        Files.delete(part);
      }
    } finally {
      for (OutputStream o : out) {
        if (o != null) {
          o.close();
        }
      }
    }
    return files;
  }

  /** A hash independent of {@link EmbeddedScreen#partition}, which all these patients share. */
  static int piece(String patient, int pieces) {
    int h = patient.hashCode();
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    return Math.floorMod(h, pieces);
  }

  /** A spill line: patient, file and line number before the resource line (at most the maximum). */
  private static int spillLine(ScreenLimits limits) {
    return (int) Math.min(Integer.MAX_VALUE - 8, 2L * limits.maxLineBytes() + 64);
  }

  private static int indexOf(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == '\t') {
        return i;
      }
    }
    throw new BulkException("corrupt spill file line");
  }

  private static long number(byte[] b, int from, int to) {
    long n = 0;
    for (int i = from; i < to; i++) {
      n = n * 10 + (b[i] - '0');
    }
    return n;
  }
}
