package org.pcdguide.core.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which entries cover each sentence of each seed (docs/knowledge-format.md, "Seed coverage"). A
 * clinical sentence must be quoted by an entry or marked background / source-gap with a reason.
 * Also which entries are documented by examples ("Examples").
 */
public final class Coverage {
  // the cut of docs/knowledge-format.md ("Seed coverage"); CoverageTest applies these patterns to
  // every line and compares
  static final Pattern BULLET = Pattern.compile("^(?:[-•*]\\s+)+");
  static final Pattern CITATIONS = Pattern.compile("\\s+\\d+(\\s*,\\s*\\d+)*$");
  static final Pattern SPACE = Pattern.compile("\\s+");
  static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z(])");

  private Coverage() {}

  /** One sentence of a seed: the entries quoting it, or the mark that explains why none does. */
  public record Sentence(
      String source,
      String text,
      List<String> entries,
      Optional<String> mark,
      Optional<String> reason) {
    public Sentence {
      entries = List.copyOf(entries);
    }

    public boolean accounted() {
      return !entries.isEmpty() || mark.isPresent();
    }
  }

  /**
   * Cuts a stored seed text into sentences, exactly as the format document describes: by line
   * ({@code \\R}), without a leading bullet or trailing citation numbers, white space made single
   * spaces, then at {@link #SENTENCE_END}. Lines and sentence ends are found character by character
   * (the loader cuts every seed on every load); the patterns run only on lines they can change.
   */
  public static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    while (start <= text.length()) {
      int end = start;
      while (end < text.length() && !lineBreak(text.charAt(end))) {
        end++;
      }
      line(text.substring(start, end), out);
      if (end < text.length() - 1 && text.charAt(end) == '\r' && text.charAt(end + 1) == '\n') {
        end++;
      }
      start = end + 1;
    }
    return out;
  }

  // \R: a line feed, vertical tab, form feed, carriage return, next line, line or paragraph
  // separator (a carriage return and line feed together are one break)
  private static boolean lineBreak(char c) {
    return c == '\n'
        || c == 0x0B
        || c == '\f'
        || c == '\r'
        || c == 0x85
        || c == 0x2028
        || c == 0x2029;
  }

  private static void line(String raw, List<String> out) {
    String line = raw.strip();
    if (line.isEmpty()) {
      return;
    }
    // each pattern only where it can match
    if ("-•*".indexOf(line.charAt(0)) >= 0) {
      line = BULLET.matcher(line).replaceFirst("");
    }
    if (!line.isEmpty() && Character.isDigit(line.charAt(line.length() - 1))) {
      line = CITATIONS.matcher(line).replaceFirst("");
    }
    if (!singleSpaced(line)) {
      line = SPACE.matcher(line).replaceAll(" ");
    }
    line = line.strip();
    // SENTENCE_END: the white space after a '.', '!' or '?' that is followed by [A-Z(]
    int from = 0;
    for (int i = 1; i < line.length(); i++) {
      char before = line.charAt(i - 1);
      if ((before == '.' || before == '!' || before == '?') && isSpace(line.charAt(i))) {
        int j = i;
        while (j < line.length() && isSpace(line.charAt(j))) {
          j++;
        }
        if (j < line.length()
            && (line.charAt(j) >= 'A' && line.charAt(j) <= 'Z' || line.charAt(j) == '(')) {
          add(line.substring(from, i), out);
          from = j;
        }
        i = j;
      }
    }
    add(line.substring(from), out);
  }

  private static void add(String sentence, List<String> out) {
    if (!sentence.isBlank()) {
      out.add(sentence.strip());
    }
  }

  /** Whether {@link #SPACE} would leave {@code line} as it is: only single spaces between words. */
  private static boolean singleSpaced(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ' ' ? i + 1 < line.length() && line.charAt(i + 1) == ' ' : c <= ' ' && isSpace(c)) {
        return false;
      }
    }
    return true;
  }

  // \s in a Java pattern: space, tab, line feed, vertical tab, form feed, carriage return
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  /**
   * How one entry is documented by its examples: how many cases fire it and how many near misses do
   * not. {@code expected}: a treatment, avoid or trial entry, which should have both.
   */
  public record Examples(String entry, EntryKind kind, int firing, int notFiring) {
    public boolean expected() {
      return kind.treatment() || kind == EntryKind.AVOID || kind == EntryKind.TRIAL;
    }

    public boolean complete() {
      return firing > 0 && notFiring > 0;
    }
  }

  /** Every entry of every module, then every screening rule, with its examples counted. */
  public static List<Examples> examples(KnowledgePack pack) {
    List<Entry> entries = new ArrayList<>();
    pack.modules().forEach(m -> entries.addAll(m.entries()));
    entries.addAll(pack.screening());
    List<Examples> out = new ArrayList<>();
    for (Entry e : entries) {
      List<EntryExample> list = pack.examples(e.id());
      long firing = list.stream().filter(x -> x.expect() == EntryExample.Expect.FIRES).count();
      out.add(new Examples(e.id(), e.kind(), (int) firing, list.size() - (int) firing));
    }
    return out;
  }

  static String normalize(String s) {
    return SPACE.matcher(s).replaceAll(" ").strip();
  }

  /** Every sentence of every seed with a stored text, in text order. */
  public static List<Sentence> of(KnowledgePack pack) {
    return of(pack, Map.of());
  }

  /**
   * As {@link #of(KnowledgePack)}, taking a seed's sentences from {@code cut} (source id to {@link
   * #sentences} of its text) where the caller has them already.
   */
  static List<Sentence> of(KnowledgePack pack, Map<String, List<String>> cut) {
    List<Sentence> out = new ArrayList<>();
    for (Source s : pack.sources().values()) {
      String text = pack.texts().get(s.id());
      if (text == null) {
        continue;
      }
      List<Quote> quotes = quotes(pack, s.id());
      Map<String, Mark> marks = marks(pack, s.id());
      List<String> sentences = cut.get(s.id());
      if (sentences == null) {
        sentences = sentences(text);
      }
      boolean[][] quoted = quoted(sentences, quotes.stream().map(Quote::text).toList());
      for (int i = 0; i < sentences.size(); i++) {
        String sentence = sentences.get(i);
        List<String> entries = new ArrayList<>();
        for (int j = 0; j < quotes.size(); j++) {
          if (quoted[i][j] && !entries.contains(quotes.get(j).entry())) {
            entries.add(quotes.get(j).entry());
          }
        }
        Optional<Mark> mark = Optional.ofNullable(marks.get(sentence));
        out.add(
            new Sentence(s.id(), sentence, entries, mark.map(Mark::kind), mark.map(Mark::reason)));
      }
    }
    return out;
  }

  private record Quote(String entry, String text) {}

  /**
   * {@code [i][j]}: quote j holds sentence i, or sentence i holds quote j. One substring search per
   * quote over all the sentences, and one per sentence over all the quotes, instead of one per
   * pair. Neither a sentence nor a normalised quote holds a line break, so a match found in the
   * texts joined by line breaks lies within one of them.
   */
  static boolean[][] quoted(List<String> sentences, List<String> quotes) {
    boolean[][] quoted = new boolean[sentences.size()][quotes.size()];
    Joined all = Joined.of(sentences);
    for (int j = 0; j < quotes.size(); j++) {
      String q = quotes.get(j);
      if (q.isEmpty()) {
        for (boolean[] row : quoted) {
          row[j] = true;
        }
        continue;
      }
      for (int at = all.text().indexOf(q); at >= 0; ) {
        int i = all.part(at);
        quoted[i][j] = true;
        at = all.text().indexOf(q, all.end(i));
      }
    }
    Joined held = Joined.of(quotes);
    for (int i = 0; i < sentences.size(); i++) {
      for (int at = held.text().indexOf(sentences.get(i)); at >= 0; ) {
        int j = held.part(at);
        quoted[i][j] = true;
        at = held.text().indexOf(sentences.get(i), held.end(j));
      }
    }
    return quoted;
  }

  /** Texts joined by line breaks, with where each starts. */
  private record Joined(String text, int[] starts) {
    static Joined of(List<String> parts) {
      int[] starts = new int[parts.size()];
      StringBuilder b = new StringBuilder();
      for (int k = 0; k < parts.size(); k++) {
        starts[k] = b.length();
        b.append(parts.get(k)).append('\n');
      }
      return new Joined(b.toString(), starts);
    }

    /** The part a position of the joined text lies in. */
    int part(int at) {
      int k = java.util.Arrays.binarySearch(starts, at);
      return k >= 0 ? k : -k - 2;
    }

    /** Where the search for the next match goes on: after part k's line break. */
    int end(int k) {
      return k + 1 < starts.length ? starts[k + 1] : text.length();
    }
  }

  private record Mark(String kind, String reason) {}

  /** The source's quotes, normalised once, in module and entry order. */
  private static List<Quote> quotes(KnowledgePack pack, String source) {
    List<Quote> out = new ArrayList<>();
    for (DisorderModule m : pack.modules()) {
      for (Entry e : m.entries()) {
        for (Evidence ev : e.evidence()) {
          if (ev.source().equals(source) && ev.quote().isPresent()) {
            out.add(new Quote(e.id(), normalize(ev.quote().get())));
          }
        }
      }
    }
    return out;
  }

  /** The source's marked sentences, normalised; a source-gap mark wins over a background one. */
  private static Map<String, Mark> marks(KnowledgePack pack, String source) {
    Map<String, Mark> out = new HashMap<>();
    pack.coverage().stream()
        .filter(c -> c.source().equals(source))
        .findFirst()
        .ifPresent(
            c -> {
              for (SeedCoverage.Mark b : c.background()) {
                out.put(normalize(b.sentence()), new Mark("background", b.reason()));
              }
              for (SeedCoverage.Mark g : c.gaps()) {
                out.put(normalize(g.sentence()), new Mark("source-gap", g.reason()));
              }
            });
    return out;
  }
}
