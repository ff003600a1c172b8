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
  private static final Pattern BULLET = Pattern.compile("^(?:[-•*]\\s+)+");
  private static final Pattern CITATIONS = Pattern.compile("\\s+\\d+(\\s*,\\s*\\d+)*$");
  private static final Pattern SPACE = Pattern.compile("\\s+");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z(])");

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

  /** Cuts a stored seed text into sentences, exactly as the format document describes. */
  public static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    for (String raw : text.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      line = BULLET.matcher(line).replaceFirst("");
      line = CITATIONS.matcher(line).replaceFirst("");
      line = SPACE.matcher(line).replaceAll(" ").strip();
      for (String s : SENTENCE_END.split(line)) {
        if (!s.isBlank()) {
          out.add(s.strip());
        }
      }
    }
    return out;
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
      for (String sentence : sentences != null ? sentences : sentences(text)) {
        List<String> entries = new ArrayList<>();
        for (Quote q : quotes) {
          if ((q.text().contains(sentence) || sentence.contains(q.text()))
              && !entries.contains(q.entry())) {
            entries.add(q.entry());
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
