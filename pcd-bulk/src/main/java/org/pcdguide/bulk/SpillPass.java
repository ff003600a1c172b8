package org.pcdguide.bulk;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Pass 1 of the embedded runner. One thread reads the files (gzip too) and cuts them into blocks of
 * lines; {@code threads} workers classify the lines (streaming tokenizer, no tree) and append the
 * ones the door reads to hash partitions by patient, each worker to its own set of partition files,
 * so no lock is taken per line. Each worker's error file is in file/line order (blocks are handed
 * out in order), and the runner merges them.
 */
final class SpillPass {
  /** Lines of one file, in order: bytes with their offsets, lengths and line numbers. */
  private record Block(
      int file, byte[] data, int[] offsets, int[] lengths, long[] numbers, int n) {}

  private static final Block END =
      new Block(-1, new byte[0], new int[0], new int[0], new long[0], 0);
  private static final int BLOCK_BYTES = 1 << 20;

  private final BulkExport export;
  private final Path work;
  private final int partitions;
  private final int threads;
  private final Set<String> types;
  private final CodeFilter codes;
  private final ScreenLimits limits;

  /**
   * Bytes of lines handed to the workers and not yet written: the reader waits when they would pass
   * the budget, so a run of long lines cannot pile up in memory.
   */
  private final Semaphore inFlight;

  private final int budget;

  SpillPass(
      BulkExport export,
      Path work,
      int partitions,
      int threads,
      Set<String> types,
      CodeFilter codes,
      ScreenLimits limits) {
    this.export = export;
    this.work = work;
    this.partitions = partitions;
    this.threads = threads;
    this.types = types;
    this.codes = codes;
    this.limits = limits;
    this.budget = Math.max(threads * 4 * BLOCK_BYTES, limits.maxLineBytes());
    this.inFlight = new Semaphore(budget);
  }

  static Path partFile(Path work, int partition, int worker) {
    return work.resolve("part-" + partition + "-" + worker);
  }

  static Path errorFile(Path work, int worker) {
    return work.resolve("errors-" + worker);
  }

  /** The errors of the reader (files it could not read to the end, lines too long). */
  static Path readerErrorFile(Path work) {
    return work.resolve("errors-reader");
  }

  /** Runs the pass; returns the summary of the lines (per worker, merged). */
  ScreenSummary run(ScreenRun.Progress progress) throws IOException {
    BlockingQueue<Block> queue = new ArrayBlockingQueue<>(threads * 4);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<ScreenSummary>> workers = new ArrayList<>();
    for (int w = 0; w < threads; w++) {
      int worker = w;
      workers.add(pool.submit(() -> work(worker, queue)));
    }
    pool.shutdown();
    ScreenSummary summary;
    try {
      summary = read(queue, progress);
    } finally {
      for (int w = 0; w < threads; w++) {
        put(queue, END);
      }
    }
    try {
      for (Future<ScreenSummary> f : workers) {
        summary.merge(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BulkException("interrupted");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof UncheckedIOException u
          ? u
          : new BulkException("reading the export failed: " + e.getCause(), e.getCause());
    }
    return summary;
  }

  /**
   * Reads every file into blocks of lines. What a file cannot give (an over-long line, a corrupt or
   * truncated gzip) is written to the reader's error file, in file and line order, and counted; the
   * run goes on with the next line or file.
   */
  private ScreenSummary read(BlockingQueue<Block> queue, ScreenRun.Progress progress)
      throws IOException {
    ScreenSummary summary = new ScreenSummary();
    long total = Math.max(1, export.estimatedBytes());
    long[] done = {0, 0}; // bytes, lines
    try (Writer errors = Files.newBufferedWriter(readerErrorFile(work), StandardCharsets.UTF_8)) {
      for (int f = 0; f < export.files().size(); f++) {
        String name = export.files().get(f).getFileName().toString();
        long line = 1;
        try (InputStream in = BulkExport.open(export.files().get(f))) {
          LineReader r = new LineReader(in, limits.maxLineBytes());
          Blocks blocks = new Blocks(f, queue);
          try {
            while (r.next()) {
              line = r.number() + 1;
              if (r.tooLong()) {
                error(
                    errors,
                    summary,
                    new BulkError(
                        name,
                        r.number(),
                        "",
                        BulkError.LINE_TOO_LONG,
                        limits.lineProblem(r.fullLength())));
              } else if (!r.blank()) {
                blocks.add(r);
              }
              if ((++done[1] & 0xFFFF) == 0) {
                progress.reading(done[0] + r.consumed(), total, done[1]);
              }
            }
          } finally {
            blocks.flush();
            done[0] += r.consumed();
          }
        } catch (IOException e) {
          error(errors, summary, BulkError.unreadableFile(name, line, e));
        }
      }
    }
    progress.reading(done[0], total, done[1]);
    return summary;
  }

  private static void error(Writer errors, ScreenSummary summary, BulkError e) throws IOException {
    summary.error(e.kind());
    errors.write(ResultCodec.error(e).toString());
    errors.write('\n');
  }

  /** The lines of one file, cut into blocks for the workers. */
  private final class Blocks {
    private final int file;
    private final BlockingQueue<Block> queue;
    private byte[] data = new byte[BLOCK_BYTES];
    private int[] offsets = new int[4096];
    private int[] lengths = new int[4096];
    private long[] numbers = new long[4096];
    private int n;
    private int used;

    Blocks(int file, BlockingQueue<Block> queue) {
      this.file = file;
      this.queue = queue;
    }

    void add(LineReader r) {
      if (n == offsets.length || (n > 0 && used + r.length() > data.length)) {
        flush();
        data = new byte[Math.max(BLOCK_BYTES, r.length())];
        offsets = new int[4096];
        lengths = new int[4096];
        numbers = new long[4096];
      }
      if (r.length() > data.length) {
        data = Arrays.copyOf(data, r.length());
      }
      System.arraycopy(r.bytes(), 0, data, used, r.length());
      offsets[n] = used;
      lengths[n] = r.length();
      numbers[n] = r.number();
      used += r.length();
      n++;
    }

    void flush() {
      if (n > 0) {
        put(queue, new Block(file, data, offsets, lengths, numbers, n));
        n = 0;
        used = 0;
      }
    }
  }

  /**
   * One worker. If it fails (a full disk), it still takes the blocks until its end mark, so that
   * the reader is never left waiting on a queue nobody empties and the run ends with the failure.
   */
  private ScreenSummary work(int worker, BlockingQueue<Block> queue) throws Exception {
    boolean[] ended = {false};
    try {
      return spill(worker, queue, ended);
    } catch (Exception | Error e) {
      if (!ended[0]) {
        Block b;
        while ((b = queue.take()) != END) {
          inFlight.release(permits(b));
        }
      }
      throw e;
    }
  }

  private ScreenSummary spill(int worker, BlockingQueue<Block> queue, boolean[] ended)
      throws IOException, InterruptedException {
    ScreenSummary summary = new ScreenSummary();
    OutputStream[] out = new OutputStream[partitions];
    try (Writer errors = Files.newBufferedWriter(errorFile(work, worker), StandardCharsets.UTF_8)) {
      for (int i = 0; i < partitions; i++) {
        out[i] =
            new BufferedOutputStream(Files.newOutputStream(partFile(work, i, worker)), 1 << 15);
      }
      Block b;
      while ((b = queue.take()) != END) {
        try {
          spill(b, out, errors, summary);
        } finally {
          inFlight.release(permits(b));
        }
      }
      ended[0] = true;
    } finally {
      for (OutputStream o : out) {
        if (o != null) {
          o.close();
        }
      }
    }
    return summary;
  }

  private void spill(Block b, OutputStream[] out, Writer errors, ScreenSummary summary)
      throws IOException {
    byte[] index = (b.file() + "\t").getBytes(StandardCharsets.US_ASCII);
    String name = export.files().get(b.file()).getFileName().toString();
    for (int i = 0; i < b.n(); i++) {
      int at = b.offsets()[i];
      int length = b.lengths()[i];
      ResourceLine l = ResourceLine.classify(b.data(), at, length, types, codes);
      summary.line(l);
      if (l.kind() == ResourceLine.Kind.READ) {
        OutputStream o = out[EmbeddedScreen.partition(l.patient(), partitions)];
        o.write(l.patient().getBytes(StandardCharsets.UTF_8));
        o.write('\t');
        o.write(index);
        o.write(Long.toString(b.numbers()[i]).getBytes(StandardCharsets.US_ASCII));
        o.write('\t');
        o.write(b.data(), at, length);
        o.write('\n');
      } else if (l.kind() == ResourceLine.Kind.ERROR) {
        errors.write(
            ResultCodec.error(new BulkError(name, b.numbers()[i], "", l.errorKind(), l.problem()))
                .toString());
        errors.write('\n');
      }
    }
  }

  private int permits(Block b) {
    return Math.min(b.data().length, budget);
  }

  private void put(BlockingQueue<Block> queue, Block b) {
    try {
      inFlight.acquire(permits(b));
      queue.put(b);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BulkException("interrupted");
    }
  }
}
