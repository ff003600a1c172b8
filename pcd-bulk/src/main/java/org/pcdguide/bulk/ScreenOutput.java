package org.pcdguide.bulk;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a run's results, the same bytes whichever engine produced them: {@code findings.ndjson}
 * (patients with a finding, or every patient with {@code all}), optionally {@code findings.csv},
 * {@code errors.ndjson} (every line, file or patient that could not be used, with file and line)
 * and {@code summary.json}. Every file is written beside its final name and moved into place only
 * when all are complete, so an interrupted run leaves the previous results or none, never half.
 */
public final class ScreenOutput {
  /** What to write. */
  public record Options(Path dir, boolean all, boolean csv, boolean parquet) {}

  private final Options options;

  public ScreenOutput(Options options) {
    this.options = options;
    if (options.parquet()) {
      requireParquet();
    }
  }

  /** Parquet comes with Spark's classpath; without it, say so before any work is done. */
  private static void requireParquet() {
    try {
      Class.forName(
          "org.apache.parquet.hadoop.ParquetWriter", false, ScreenOutput.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new BulkException(
          "--parquet needs Apache Parquet, which comes with Spark's classpath: run through the"
              + " ./pcd launcher");
    }
  }

  /**
   * Consumes results in patient-id order and errors in file/line order, then patient errors;
   * completes {@code summary} with the patient counts (unless the runner {@code counted} them
   * already, the results then holding only the patients the output shows) and returns it.
   */
  public ScreenSummary write(
      Iterator<PatientResult> results,
      Iterator<BulkError> lineErrors,
      ScreenSummary summary,
      boolean counted,
      String knowledgeVersion,
      String knowledgeHash,
      String asOf) {
    Map<String, Path> temps = new LinkedHashMap<>();
    try {
      Files.createDirectories(options.dir());
      try (Writer findings = open(temps, "findings.ndjson");
          Writer csv = options.csv() ? open(temps, "findings.csv") : Writer.nullWriter();
          Writer errors = open(temps, "errors.ndjson");
          RowSink parquet =
              options.parquet() ? ParquetRows.open(temp(temps, "findings.parquet")) : row -> {}) {
        csv.write(String.join(",", Csv.HEADER) + "\r\n");
        while (lineErrors.hasNext()) {
          errors.write(ResultCodec.error(lineErrors.next()).toString());
          errors.write('\n');
        }
        while (results.hasNext()) {
          PatientResult r = results.next();
          if (!counted) {
            summary.patient(r);
          }
          if (r.flagged() || options.all()) {
            findings.write(r.json());
            findings.write('\n');
            for (List<String> row : r.rows()) {
              csv.write(Csv.row(row));
              csv.write("\r\n");
              parquet.add(row);
            }
          }
          for (BulkError e : r.errors()) {
            errors.write(ResultCodec.error(e).toString());
            errors.write('\n');
          }
        }
      }
      try (Writer s = open(temps, "summary.json")) {
        s.write(summary.json(knowledgeVersion, knowledgeHash, asOf));
      }
      for (Map.Entry<String, Path> t : temps.entrySet()) {
        move(t.getValue(), options.dir().resolve(t.getKey()));
      }
      return summary;
    } catch (IOException e) {
      temps.values().forEach(ScreenOutput::deleteQuietly);
      throw new BulkException(
          "cannot write results to " + options.dir() + ": " + e.getMessage(), e);
    }
  }

  private Path temp(Map<String, Path> temps, String name) {
    Path tmp = options.dir().resolve("." + name + ".partial");
    temps.put(name, tmp);
    return tmp;
  }

  private Writer open(Map<String, Path> temps, String name) throws IOException {
    Path tmp = temp(temps, name);
    return new BufferedWriter(
        new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8), 1 << 16);
  }

  static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // best effort: a leftover .partial file is overwritten by the next run
    }
  }
}
