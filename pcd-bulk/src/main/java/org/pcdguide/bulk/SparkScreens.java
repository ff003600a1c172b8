package org.pcdguide.bulk;

import org.apache.spark.sql.SparkSession;

/** Spark sessions for screening: local (CLI, tests) and the one spark-submit provides. */
public final class SparkScreens {
  private SparkScreens() {}

  /** A local session on {@code cores} cores, bound to loopback, without the web UI. */
  public static SparkSession local(int cores) {
    return SparkSession.builder()
        .appName("pcd-screen")
        .master("local[" + cores + "]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", Integer.toString(cores * 4))
        .config("spark.default.parallelism", Integer.toString(cores * 2))
        .getOrCreate();
  }
}
