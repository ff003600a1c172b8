package org.pcdguide.bulk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.function.Function;

/** K-way merge of files of lines, each already sorted, into one sorted stream of values. */
final class SortedMerge<T> implements Iterator<T>, AutoCloseable {
  private record Head<T>(T value, BufferedReader reader) {}

  private final List<BufferedReader> readers = new ArrayList<>();
  private final PriorityQueue<Head<T>> heads;
  private final Function<String, T> parse;

  SortedMerge(List<Path> files, Function<String, T> parse, Comparator<T> order) throws IOException {
    this.parse = parse;
    this.heads = new PriorityQueue<>((a, b) -> order.compare(a.value(), b.value()));
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
        heads.add(new Head<>(parse.apply(line), r));
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
  public T next() {
    Head<T> h = heads.poll();
    if (h == null) {
      throw new NoSuchElementException();
    }
    advance(h.reader());
    return h.value();
  }

  @Override
  public void close() throws IOException {
    for (BufferedReader r : readers) {
      r.close();
    }
  }

  static <T> Iterator<T> concat(Iterator<T> a, Iterator<T> b) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return a.hasNext() || b.hasNext();
      }

      @Override
      public T next() {
        return a.hasNext() ? a.next() : b.next();
      }
    };
  }
}
