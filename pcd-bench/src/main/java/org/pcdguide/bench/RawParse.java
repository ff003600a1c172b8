package org.pcdguide.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The ceiling for pcd screen on this machine: read every NDJSON resource file of a bulk export and
 * parse each line into a Jackson tree, nothing else. One reader thread hands blocks of lines to
 * {@code threads} parser threads. Usage: {@code RawParse EXPORT_DIR [threads]}.
 */
public final class RawParse {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RawParse() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files =
          s.filter(p -> p.toString().endsWith(".ndjson") || p.toString().endsWith(".ndjson.gz"))
              .sorted()
              .toList();
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicLong lines = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    List<Future<?>> pending = new ArrayList<>();
    long start = System.nanoTime();
    for (Path f : files) {
      try (BufferedReader r = reader(f)) {
        List<String> block = new ArrayList<>(2048);
        String line;
        while ((line = r.readLine()) != null) {
          block.add(line);
          if (block.size() == 2048) {
            pending.add(pool.submit(parse(block, lines, bytes)));
            block = new ArrayList<>(2048);
            drain(pending, threads * 4);
          }
        }
        pending.add(pool.submit(parse(block, lines, bytes)));
      }
    }
    drain(pending, 0);
    pool.shutdown();
    double s = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "parsed %,d lines, %,.0f MB in %.1f s: %,.0f lines/s, %.0f MB/s (%d parser threads)%n",
        lines.get(),
        bytes.get() / 1e6,
        s,
        lines.get() / s,
        bytes.get() / 1e6 / s,
        threads);
  }

  private static Runnable parse(List<String> block, AtomicLong lines, AtomicLong bytes) {
    return () -> {
      long n = 0;
      for (String l : block) {
        try {
          JSON.readTree(l);
        } catch (IOException e) {
          // a malformed line costs its parse like any other
        }
        n += l.length() + 1;
      }
      lines.addAndGet(block.size());
      bytes.addAndGet(n);
    };
  }

  private static void drain(List<Future<?>> pending, int keep) throws Exception {
    while (pending.size() > keep) {
      pending.remove(0).get();
    }
  }

  private static BufferedReader reader(Path f) throws IOException {
    InputStream in = Files.newInputStream(f);
    if (f.toString().endsWith(".gz")) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }
}
