package org.pcdguide.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * A FHIR Bulk Data export on disk: the NDJSON files of a folder, one resource type per file, named
 * after it as {@code $export} names them ({@code Condition.ndjson}, {@code Condition.000.ndjson},
 * {@code Condition_1.ndjson}, optionally {@code .gz}). Files not named after a resource type (a
 * client's {@code log.ndjson}) are listed apart so that the run can report them, and so are
 * symbolic links: they are never followed (a link could point anywhere the process may read).
 */
public record BulkExport(List<Path> files, List<Path> others, List<Path> links) {
  private static final Pattern NAME =
      Pattern.compile("([A-Z][A-Za-z]+)(?:[._-][0-9A-Za-z_-]+)*\\.ndjson(\\.gz)?");

  public BulkExport {
    files = List.copyOf(files);
    others = List.copyOf(others);
    links = List.copyOf(links);
  }

  public BulkExport(List<Path> files, List<Path> others) {
    this(files, others, List.of());
  }

  /** The export in {@code dir}: NDJSON files sorted by name; throws if it is not a folder. */
  public static BulkExport of(Path dir, Set<String> types) {
    if (!Files.isDirectory(dir)) {
      throw new BulkException(dir + ": not a folder (expected a bulk export: one NDJSON per type)");
    }
    List<Path> files = new ArrayList<>();
    List<Path> others = new ArrayList<>();
    List<Path> links = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        String name = p.getFileName().toString();
        if (Files.isSymbolicLink(p)) {
          links.add(p);
          continue;
        }
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || !ndjson(name)) {
          continue;
        }
        if (resourceFile(name, types)) {
          files.add(p);
        } else {
          others.add(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BulkExport(files, others, links);
  }

  /** Whether a file name is an NDJSON file named after one of {@code types}. */
  public static boolean resourceFile(String name, Set<String> types) {
    Matcher m = NAME.matcher(name);
    return m.matches() && types.contains(m.group(1));
  }

  /** Whether a file name is NDJSON at all (optionally gzip). */
  public static boolean ndjson(String name) {
    return name.endsWith(".ndjson") || name.endsWith(".ndjson.gz");
  }

  /** Bytes on disk, and an estimate of the bytes to parse (compressed files count five times). */
  public long estimatedBytes() {
    long total = 0;
    for (Path p : files) {
      try {
        long size = Files.size(p);
        total += p.toString().endsWith(".gz") ? size * 5 : size;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return total;
  }

  static InputStream open(Path p) throws IOException {
    InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS);
    if (!p.toString().endsWith(".gz")) {
      return in;
    }
    try {
      return new GZIPInputStream(in, 1 << 16);
    } catch (IOException e) {
      in.close();
      throw e;
    }
  }
}
