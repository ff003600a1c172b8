package org.pcdguide.bulk;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.pcdguide.core.knowledge.KnowledgePack;
import scala.Tuple2;

/**
 * The Apache Spark runner: the same line classification and the same per-patient function as the
 * embedded runner, distributed. Lines are classified in parallel, grouped by patient with a
 * shuffle, screened partition by partition (a {@link PatientScreen} built once per partition, the
 * pack once per executor JVM) and sorted by patient; the results stream back to the driver and
 * {@link ScreenOutput} writes the same files as the embedded runner, byte for byte.
 */
public final class SparkScreen implements Serializable {
  private static final long serialVersionUID = 1L;
  private final Set<String> types;

  public SparkScreen(Set<String> types) {
    this.types = Set.copyOf(types);
  }

  /** One classified line, with where it came from. */
  record Row(int file, long line, ResourceLine kind, String json) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** Runs on the session's cluster (or {@code local[n]}); the input may be any Hadoop path. */
  public ScreenSummary run(SparkSession spark, ScreenRun run) {
    return run(spark, run, BundledKnowledge.pack());
  }

  /**
   * Runs with {@code pack}; on a cluster the executors load the bundled pack, so a pack other than
   * the bundled one is accepted only for a local session.
   */
  public ScreenSummary run(SparkSession spark, ScreenRun run, KnowledgePack pack) {
    ScreenOutput output =
        new ScreenOutput(
            new ScreenOutput.Options(run.output(), run.all(), run.csv(), run.parquet()));
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    if (!pack.hash().equals(BundledKnowledge.pack().hash())) {
      if (!sc.isLocal()) {
        throw new BulkException(
            "a knowledge pack other than the bundled one runs only on a local Spark session");
      }
      BundledKnowledge.use(pack);
    }
    List<String> names = new ArrayList<>();
    List<String> others = new ArrayList<>();
    List<String> paths = list(sc, run.input(), names, others);
    JavaRDD<Row> rows = classify(sc, paths);
    rows.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      ScreenSummary summary =
          rows.aggregate(
              new ScreenSummary(),
              (s, r) -> {
                s.line(r.kind());
                return s;
              },
              ScreenSummary::merge);
      others.forEach(o -> summary.otherFile());
      List<BulkError> fileErrors = new ArrayList<>();
      for (String o : others) {
        fileErrors.add(BulkError.notResourceFile(o));
      }
      List<String> fileNames = List.copyOf(names);
      Iterator<BulkError> lineErrors =
          rows.filter(r -> r.kind().kind() == ResourceLine.Kind.ERROR)
              .sortBy(r -> ((long) r.file() << 40) | r.line(), true, rows.getNumPartitions())
              .map(
                  r ->
                      new BulkError(
                          fileNames.get(r.file()),
                          r.line(),
                          "",
                          r.kind().errorKind(),
                          r.kind().problem()))
              .toLocalIterator();
      LocalDate asOf = run.asOf();
      Iterator<PatientResult> results =
          patients(rows, fileNames, asOf, run.all(), run.limits())
              .sortByKey(true)
              .values()
              .toLocalIterator();
      return output.write(
          results,
          SortedMerge.concat(fileErrors.iterator(), lineErrors),
          summary,
          false,
          pack.version(),
          pack.hash(),
          asOf.toString());
    } finally {
      rows.unpersist(false);
    }
  }

  private JavaRDD<Row> classify(JavaSparkContext sc, List<String> paths) {
    Set<String> known = types;
    CodeFilter codes = CodeFilter.of(BundledKnowledge.terminology());
    List<JavaRDD<Row>> parts = new ArrayList<>();
    for (int f = 0; f < paths.size(); f++) {
      int file = f;
      parts.add(
          sc.textFile(paths.get(f))
              .zipWithIndex()
              .filter(t -> !t._1().isBlank())
              .map(
                  t -> {
                    byte[] b = t._1().getBytes(StandardCharsets.UTF_8);
                    ResourceLine l = ResourceLine.classify(b, b.length, known, codes);
                    return new Row(
                        file, t._2() + 1, l, l.kind() == ResourceLine.Kind.READ ? t._1() : "");
                  }));
    }
    return parts.isEmpty() ? sc.emptyRDD() : sc.union(parts.toArray(JavaRDD[]::new));
  }

  private static JavaPairRDD<String, PatientResult> patients(
      JavaRDD<Row> rows, List<String> names, LocalDate asOf, boolean all, ScreenLimits limits) {
    return rows.filter(r -> r.kind().kind() == ResourceLine.Kind.READ)
        .mapToPair(r -> new Tuple2<>(r.kind().patient(), new Located(r.file(), r.line(), r.json())))
        .groupByKey()
        .mapPartitionsToPair(
            it -> {
              PatientScreen screen =
                  new PatientScreen(
                      BundledKnowledge.pack(),
                      BundledKnowledge.terminology(),
                      asOf,
                      names,
                      all,
                      limits);
              List<Tuple2<String, PatientResult>> out = new ArrayList<>();
              while (it.hasNext()) {
                Tuple2<String, Iterable<Located>> p = it.next();
                List<Located> lines = new ArrayList<>();
                p._2().forEach(lines::add);
                out.add(new Tuple2<>(p._1(), screen.screen(p._1(), lines)));
              }
              return out.iterator();
            });
  }

  private List<String> list(
      JavaSparkContext sc, String input, List<String> names, List<String> others) {
    try {
      org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(input);
      FileSystem fs = dir.getFileSystem(sc.hadoopConfiguration());
      if (!fs.getFileStatus(dir).isDirectory()) {
        throw new BulkException(input + ": not a folder (expected a bulk export)");
      }
      List<String> paths = new ArrayList<>();
      List<FileStatus> files = new ArrayList<>(List.of(fs.listStatus(dir)));
      files.sort(java.util.Comparator.comparing(s -> s.getPath().getName()));
      for (FileStatus s : files) {
        String name = s.getPath().getName();
        if (!s.isFile() || !BulkExport.ndjson(name)) {
          continue;
        }
        if (BulkExport.resourceFile(name, types)) {
          names.add(name);
          paths.add(s.getPath().toString());
        } else {
          others.add(name);
        }
      }
      return paths;
    } catch (IOException e) {
      throw new BulkException(input + ": cannot list: " + e.getMessage(), e);
    }
  }
}
