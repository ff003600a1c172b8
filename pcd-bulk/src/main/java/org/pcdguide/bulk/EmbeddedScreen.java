package org.pcdguide.bulk;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.fhir.Terminology;

/**
 * The embedded runner: one process, bounded memory, whatever the population size. Pass 1 streams
 * every file once, classifies each line without building it into a tree, and spills the lines the
 * door reads into hash partitions by patient (so one patient's resources, from all files, land in
 * one partition). Pass 2 screens the partitions in parallel, holding one partition per thread in
 * memory, and writes each partition's results sorted by patient; a k-way merge then gives the
 * results in patient order to {@link ScreenOutput}. Memory is about the partition size times the
 * threads, independent of the population (docs/adr/0008-bulk-screening.md).
 */
public final class EmbeddedScreen {
  private static final String WORK = ".pcd-screen-work";
  private final KnowledgePack pack;
  private final Terminology terminology;
  private final Set<String> types;

  public EmbeddedScreen(KnowledgePack pack, Terminology terminology, Set<String> types) {
    this.pack = pack;
    this.terminology = terminology;
    this.types = Set.copyOf(types);
  }

  public ScreenSummary run(ScreenRun run, ScreenRun.Progress progress) {
    BulkExport export = BulkExport.of(Path.of(run.input()), types);
    Path work = run.output().resolve(WORK);
    try {
      Files.createDirectories(run.output());
      delete(work);
      Files.createDirectories(work);
      int partitions =
          (int) Math.max(1, Math.min(4096, export.estimatedBytes() / run.partitionBytes() + 1));
      ScreenSummary summary = new ScreenSummary();
      List<String> names = names(export);
      Path lineErrors = work.resolve("line-errors.ndjson");
      spill(export, work, partitions, lineErrors, summary, progress);
      List<Path> results = screen(run, names, work, partitions, progress);
      try (Stream<String> errors = Files.lines(lineErrors, StandardCharsets.UTF_8);
          Merge merged = new Merge(results)) {
        Iterator<BulkError> errorIterator = errors.map(ResultCodec::readError).iterator();
        new ScreenOutput(
                new ScreenOutput.Options(run.output(), run.all(), run.csv(), run.parquet()))
            .write(
                merged, errorIterator, summary, pack.version(), pack.hash(), run.asOf().toString());
      }
      delete(work);
      return summary;
    } catch (IOException | UncheckedIOException e) {
      throw new BulkException("screening " + run.input() + " failed: " + e.getMessage(), e);
    }
  }

  static List<String> names(BulkExport export) {
    return export.files().stream().map(p -> p.getFileName().toString()).toList();
  }

  /** Pass 1: classify every line; spill what the door reads into partitions by patient. */
  private void spill(
      BulkExport export,
      Path work,
      int partitions,
      Path lineErrors,
      ScreenSummary summary,
      ScreenRun.Progress progress)
      throws IOException {
    OutputStream[] out = new OutputStream[partitions];
    long total = Math.max(1, export.estimatedBytes());
    long done = 0;
    long lines = 0;
    try (Writer errors = Files.newBufferedWriter(lineErrors, StandardCharsets.UTF_8)) {
      for (int i = 0; i < partitions; i++) {
        out[i] =
            new BufferedOutputStream(Files.newOutputStream(work.resolve("part-" + i)), 1 << 16);
      }
      for (Path other : export.others()) {
        summary.otherFile();
        errors.write(
            ResultCodec.error(
                    new BulkError(
                        other.getFileName().toString(),
                        0,
                        "",
                        BulkError.NOT_RESOURCE_FILE,
                        "not named after a FHIR resource type (Type.ndjson); skipped"))
                .toString());
        errors.write('\n');
      }
      for (int f = 0; f < export.files().size(); f++) {
        Path file = export.files().get(f);
        byte[] index = (f + "\t").getBytes(StandardCharsets.US_ASCII);
        try (InputStream in = BulkExport.open(file)) {
          LineReader r = new LineReader(in);
          while (r.next()) {
            if (r.blank()) {
              continue;
            }
            ResourceLine l = ResourceLine.classify(r.bytes(), r.length(), types);
            summary.line(l);
            if (l.kind() == ResourceLine.Kind.READ) {
              OutputStream o = out[partition(l.patient(), partitions)];
              o.write(l.patient().getBytes(StandardCharsets.UTF_8));
              o.write('\t');
              o.write(index);
              o.write(Long.toString(r.number()).getBytes(StandardCharsets.US_ASCII));
              o.write('\t');
              o.write(r.bytes(), 0, r.length());
              o.write('\n');
            } else if (l.kind() == ResourceLine.Kind.ERROR) {
              BulkError e =
                  new BulkError(
                      file.getFileName().toString(), r.number(), "", l.errorKind(), l.problem());
              errors.write(ResultCodec.error(e).toString());
              errors.write('\n');
            }
            if ((++lines & 0xFFFF) == 0) {
              progress.reading(done + r.consumed(), total, lines);
            }
          }
          done += r.consumed();
        }
      }
      progress.reading(done, total, lines);
    } finally {
      for (OutputStream o : out) {
        if (o != null) {
          o.close();
        }
      }
    }
  }

  static int partition(String patient, int partitions) {
    return Math.floorMod(patient.hashCode() * 0x9E3779B9, partitions);
  }

  /** Pass 2: screen each partition (in parallel), results sorted by patient in one file each. */
  private List<Path> screen(
      ScreenRun run, List<String> names, Path work, int partitions, ScreenRun.Progress progress)
      throws IOException {
    progress.screening(0, 0, partitions);
    ExecutorService pool = Executors.newFixedThreadPool(run.threads());
    ThreadLocal<PatientScreen> screens =
        ThreadLocal.withInitial(() -> new PatientScreen(pack, terminology, run.asOf(), names));
    AtomicLong patients = new AtomicLong();
    AtomicInteger finished = new AtomicInteger();
    List<Future<Path>> futures = new ArrayList<>();
    for (int i = 0; i < partitions; i++) {
      Path part = work.resolve("part-" + i);
      futures.add(
          pool.submit(
              () -> {
                Path result = SpillPartition.screen(part, screens.get(), patients);
                synchronized (progress) {
                  progress.screening(patients.get(), finished.incrementAndGet(), partitions);
                }
                return result;
              }));
    }
    pool.shutdown();
    List<Path> results = new ArrayList<>();
    try {
      for (Future<Path> f : futures) {
        results.add(f.get());
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
      throw new BulkException("interrupted");
    } catch (ExecutionException e) {
      pool.shutdownNow();
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new BulkException("screening failed: " + cause, cause);
    }
    return results;
  }

  static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** K-way merge of sorted result files by patient id. */
  private static final class Merge implements Iterator<PatientResult>, AutoCloseable {
    private final List<BufferedReader> readers = new ArrayList<>();
    private final java.util.PriorityQueue<Head> heads =
        new java.util.PriorityQueue<>(java.util.Comparator.comparing(h -> h.result.patient()));

    private record Head(PatientResult result, BufferedReader reader) {}

    Merge(List<Path> files) throws IOException {
      for (Path p : files) {
        BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8);
        readers.add(r);
        advance(r);
      }
    }

    private void advance(BufferedReader r) {
      try {
        String line = r.readLine();
        if (line != null) {
          heads.add(new Head(ResultCodec.read(line), r));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public boolean hasNext() {
      return !heads.isEmpty();
    }

    @Override
    public PatientResult next() {
      Head h = heads.poll();
      if (h == null) {
        throw new java.util.NoSuchElementException();
      }
      advance(h.reader());
      return h.result();
    }

    @Override
    public void close() throws IOException {
      for (BufferedReader r : readers) {
        r.close();
      }
    }
  }
}
