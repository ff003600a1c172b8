package org.pcdguide.bulk;

import java.io.IOException;
import java.util.List;

/** Receives the findings table one row at a time (Parquet). */
interface RowSink extends AutoCloseable {
  void add(List<String> row) throws IOException;

  @Override
  default void close() throws IOException {}
}
