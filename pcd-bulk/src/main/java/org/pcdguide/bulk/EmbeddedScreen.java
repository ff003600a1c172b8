package org.pcdguide.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
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
    // built first: an output it cannot write (e.g. Parquet missing) fails before any work
    ScreenOutput output =
        new ScreenOutput(
            new ScreenOutput.Options(run.output(), run.all(), run.csv(), run.parquet()));
    BulkExport export = BulkExport.of(Path.of(run.input()), types);
    Path work = run.output().resolve(WORK);
    try {
      Files.createDirectories(run.output());
      delete(work);
      Files.createDirectories(work);
      int partitions =
          (int) Math.max(1, Math.min(4096, export.estimatedBytes() / run.partitionBytes() + 1));
      List<String> names = names(export);
      ScreenSummary summary =
          new SpillPass(
                  export,
                  work,
                  partitions,
                  run.threads(),
                  types,
                  CodeFilter.of(terminology, pack.vocabulary()),
                  run.limits())
              .run(progress);
      List<BulkError> fileErrors = new ArrayList<>();
      for (Path link : export.links()) {
        summary.error(BulkError.LINK_NOT_FOLLOWED);
        fileErrors.add(BulkError.linkNotFollowed(link.getFileName().toString()));
      }
      for (Path other : export.others()) {
        summary.otherFile();
        fileErrors.add(BulkError.notResourceFile(other.getFileName().toString()));
      }
      List<Path> results = screen(run, names, work, partitions, summary, progress);
      List<Path> errorFiles = new ArrayList<>();
      for (int w = 0; w < run.threads(); w++) {
        errorFiles.add(SpillPass.errorFile(work, w));
      }
      errorFiles.add(SpillPass.readerErrorFile(work));
      try (SortedMerge<BulkError> errors =
              new SortedMerge<>(errorFiles, ResultCodec::readError, errorOrder(names));
          SortedMerge<PatientResult> merged =
              new SortedMerge<>(
                  results,
                  ResultCodec::read,
                  java.util.Comparator.comparing(PatientResult::patient))) {
        Iterator<BulkError> errorIterator = SortedMerge.concat(fileErrors.iterator(), errors);
        output.write(
            merged,
            errorIterator,
            summary,
            true,
            pack.version(),
            pack.hash(),
            run.asOf().toString());
      }
      delete(work);
      return summary;
    } catch (IOException | UncheckedIOException e) {
      Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
      throw new BulkException(
          "screening "
              + run.input()
              + " into "
              + run.output()
              + " failed: "
              + cause.getClass().getSimpleName()
              + " "
              + cause.getMessage(),
          e);
    }
  }

  static List<String> names(BulkExport export) {
    return export.files().stream().map(p -> p.getFileName().toString()).toList();
  }

  /** Line errors in file order (files by index in the run), then line number. */
  private static java.util.Comparator<BulkError> errorOrder(List<String> names) {
    java.util.Map<String, Integer> index = new java.util.HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      index.put(names.get(i), i);
    }
    return java.util.Comparator.<BulkError>comparingInt(e -> index.getOrDefault(e.file(), -1))
        .thenComparingLong(BulkError::line);
  }

  static int partition(String patient, int partitions) {
    return Math.floorMod(patient.hashCode() * 0x9E3779B9, partitions);
  }

  /** Pass 2: screen each partition (in parallel), results sorted by patient in one file each. */
  private List<Path> screen(
      ScreenRun run,
      List<String> names,
      Path work,
      int partitions,
      ScreenSummary summary,
      ScreenRun.Progress progress)
      throws IOException {
    progress.screening(0, 0, partitions);
    ExecutorService pool = Executors.newFixedThreadPool(run.threads());
    ThreadLocal<PatientScreen> screens =
        ThreadLocal.withInitial(
            () -> new PatientScreen(pack, terminology, run.asOf(), names, run.all(), run.limits()));
    AtomicLong patients = new AtomicLong();
    AtomicInteger finished = new AtomicInteger();
    List<Future<List<SpillPartition.Screened>>> futures = new ArrayList<>();
    for (int i = 0; i < partitions; i++) {
      int partition = i;
      futures.add(
          pool.submit(
              () -> {
                List<SpillPartition.Screened> result =
                    SpillPartition.screen(
                        new SpillPartition.Setup(
                            work,
                            run.threads(),
                            screens.get(),
                            patients,
                            run.all(),
                            run.partitionBytes(),
                            run.limits()),
                        partition);
                synchronized (progress) {
                  progress.screening(patients.get(), finished.incrementAndGet(), partitions);
                }
                return result;
              }));
    }
    pool.shutdown();
    List<Path> results = new ArrayList<>();
    try {
      for (Future<List<SpillPartition.Screened>> f : futures) {
        for (SpillPartition.Screened piece : f.get()) {
          results.add(piece.results());
          summary.merge(piece.summary());
        }
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
}
