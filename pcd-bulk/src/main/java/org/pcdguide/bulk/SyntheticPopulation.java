package org.pcdguide.bulk;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A reproducible synthetic population in the layout of a FHIR Bulk Data export, with its ground
 * truth: which screening findings (knowledge/screening.yaml) each patient must produce. Most
 * patients have no plasma cell disorder; small planted groups are the positives and near-miss
 * negatives of each screening rule ({@link SyntheticCategory}). Everything in it is synthetic test
 * data.
 *
 * <p>Patient ids are random-looking version-4 UUIDs drawn in increasing order, so the resource
 * files and the ground truth are both in patient-id order and nothing is held in memory per
 * patient. Every planted category gets at least {@value #PLANTED_AT_LEAST} patients, spread evenly
 * through the population, when there is room for them.
 */
public final class SyntheticPopulation {
  /** Each resource type starts a new numbered file after this many patients. */
  static final int PATIENTS_PER_FILE = 100_000;

  static final int PLANTED_AT_LEAST = 3;
  private static final int BUFFER = 256 * 1024;

  /**
   * What was written: the number of patients, the patients per category, the resources per type and
   * every file (resource files, expected.jsonl and synth.json), sorted by name.
   */
  public record Result(
      int patients,
      Map<String, Integer> categories,
      Map<String, Long> resources,
      List<Path> files) {
    public Result {
      categories = Collections.unmodifiableMap(new TreeMap<>(categories));
      resources = Collections.unmodifiableMap(new TreeMap<>(resources));
      files = List.copyOf(files);
    }
  }

  private SyntheticPopulation() {}

  /**
   * Writes DIR/&lt;Type&gt;.000.ndjson (a new numbered file every 100,000 patients: .001, ...),
   * gzip-compressed (.ndjson.gz) when asked, plus DIR/expected.jsonl (JSON lines, named so that a
   * screen of DIR does not take it for an export file; one line per patient in patient-id order:
   * its category and sorted expected findings) and DIR/synth.json (the counts). The same (patients,
   * seed, asOf) gives byte-identical files. Files are written to {@code *.tmp} and moved into place
   * atomically; files of an earlier, larger run are not removed.
   */
  public static Result write(Path dir, int patients, long seed, boolean gzip, LocalDate asOf)
      throws IOException {
    return write(dir, patients, seed, gzip, asOf, PATIENTS_PER_FILE);
  }

  /** As {@link #write(Path, int, long, boolean, LocalDate)}, with another file size (tests). */
  static Result write(
      Path dir, int patients, long seed, boolean gzip, LocalDate asOf, int patientsPerFile)
      throws IOException {
    if (patients < 0) {
      throw new IllegalArgumentException("patients must be 0 or more, was " + patients);
    }
    if (patientsPerFile < 1) {
      throw new IllegalArgumentException(
          "patients per file must be 1 or more, was " + patientsPerFile);
    }
    Files.createDirectories(dir);
    Path expected = dir.resolve("expected.jsonl");
    Path expectedTmp = dir.resolve("expected.jsonl.tmp");
    int[] counts = new int[SyntheticCategory.values().length];
    SyntheticFiles files = new SyntheticFiles(dir, gzip);
    try (OutputStream truth =
        new BufferedOutputStream(Files.newOutputStream(expectedTmp), BUFFER)) {
      generate(files, truth, patients, seed, asOf, patientsPerFile, counts);
      files.close();
    } catch (IOException | RuntimeException e) {
      files.abort();
      Files.deleteIfExists(expectedTmp);
      throw e;
    }
    Files.move(expectedTmp, expected, StandardCopyOption.ATOMIC_MOVE);
    Map<String, Integer> categories = new TreeMap<>();
    for (SyntheticCategory c : SyntheticCategory.values()) {
      categories.put(c.id, counts[c.ordinal()]);
    }
    Map<String, Long> resources = new TreeMap<>();
    for (int t = 0; t < SyntheticFiles.TYPES.size(); t++) {
      resources.put(SyntheticFiles.TYPES.get(t), files.count(t));
    }
    Path synth = dir.resolve("synth.json");
    SyntheticFiles.writeAtomically(synth, summary(patients, seed, asOf, categories, resources));
    List<Path> written = new ArrayList<>(files.written());
    written.add(expected);
    written.add(synth);
    written.sort(Comparator.comparing(p -> p.getFileName().toString()));
    return new Result(patients, categories, resources, written);
  }

  private static void generate(
      SyntheticFiles files,
      OutputStream truth,
      int patients,
      long seed,
      LocalDate asOf,
      int patientsPerFile,
      int[] counts)
      throws IOException {
    SplittableRandom root = new SplittableRandom(seed);
    SyntheticFhir fhir = new SyntheticFhir(files, seed, asOf);
    byte[][] lines = truthLines();
    // increasing 60-bit values, spread over the whole range: sorted, unique, random-looking ids
    long gap = Math.max(1L, (1L << 60) / Math.max(1, patients));
    long v = 0;
    for (int i = 0; i < patients; i++) {
      if (i > 0 && i % patientsPerFile == 0) {
        files.nextPart();
      }
      v += 1 + root.nextLong(gap);
      long hi = ((v >>> 12) << 16) | 0x4000L | (v & 0xFFFL);
      long lo = (root.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
      String id = SyntheticFiles.uuid(hi, lo);
      SplittableRandom r = root.split();
      SyntheticCategory c = planted(i, patients);
      if (c == null) {
        c = SyntheticCategory.draw(r);
      }
      counts[c.ordinal()]++;
      c.write(fhir, r, id);
      truth.write(PATIENT_PREFIX);
      truth.write(id.getBytes(StandardCharsets.US_ASCII));
      truth.write(lines[c.ordinal()]);
    }
  }

  private static final byte[] PATIENT_PREFIX =
      "{\"patient\":\"".getBytes(StandardCharsets.US_ASCII);

  /** The rest of each category's ground-truth line, after the patient id. */
  private static byte[][] truthLines() {
    SyntheticCategory[] all = SyntheticCategory.values();
    byte[][] lines = new byte[all.length][];
    for (SyntheticCategory c : all) {
      StringBuilder s =
          new StringBuilder("\",\"category\":\"").append(c.id).append("\",\"findings\":[");
      for (int i = 0; i < c.findings.size(); i++) {
        s.append(i == 0 ? "\"" : ",\"").append(c.findings.get(i)).append('"');
      }
      lines[c.ordinal()] = s.append("]}\n").toString().getBytes(StandardCharsets.US_ASCII);
    }
    return lines;
  }

  /**
   * The planted category forced at patient {@code i}, or null: {@value #PLANTED_AT_LEAST} rounds of
   * the planted categories at evenly spaced positions (every patient, in a tiny population).
   */
  static SyntheticCategory planted(int i, int patients) {
    List<SyntheticCategory> planted = SyntheticCategory.PLANTED;
    int forced = PLANTED_AT_LEAST * planted.size();
    if (patients <= forced) {
      return planted.get(i % planted.size());
    }
    int stride = patients / forced;
    if (i % stride != 0 || i / stride >= forced) {
      return null;
    }
    return planted.get((i / stride) % planted.size());
  }

  private static byte[] summary(
      int patients,
      long seed,
      LocalDate asOf,
      Map<String, Integer> categories,
      Map<String, Long> resources)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("patients", patients);
      g.writeNumberField("seed", seed);
      g.writeStringField("asOf", asOf.toString());
      g.writeObjectFieldStart("categories");
      for (Map.Entry<String, Integer> e : categories.entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeObjectFieldStart("resources");
      for (Map.Entry<String, Long> e : resources.entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    out.write('\n');
    return out.toByteArray();
  }
}
