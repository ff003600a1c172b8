package org.pcdguide.core.knowledge;

import java.util.ArrayList;
import java.util.List;
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
    List<Sentence> out = new ArrayList<>();
    for (Source s : pack.sources().values()) {
      String text = pack.texts().get(s.id());
      if (text == null) {
        continue;
      }
      Optional<SeedCoverage> marks =
          pack.coverage().stream().filter(c -> c.source().equals(s.id())).findFirst();
      for (String sentence : sentences(text)) {
        out.add(sentence(pack, s.id(), sentence, marks));
      }
    }
    return out;
  }

  private static Sentence sentence(
      KnowledgePack pack, String source, String sentence, Optional<SeedCoverage> marks) {
    List<String> entries = new ArrayList<>();
    for (DisorderModule m : pack.modules()) {
      for (Entry e : m.entries()) {
        for (Evidence ev : e.evidence()) {
          if (ev.source().equals(source) && ev.quote().isPresent()) {
            String q = normalize(ev.quote().get());
            if ((q.contains(sentence) || sentence.contains(q)) && !entries.contains(e.id())) {
              entries.add(e.id());
            }
          }
        }
      }
    }
    Optional<String> mark = Optional.empty();
    Optional<String> reason = Optional.empty();
    if (marks.isPresent()) {
      for (SeedCoverage.Mark b : marks.get().background()) {
        if (normalize(b.sentence()).equals(sentence)) {
          mark = Optional.of("background");
          reason = Optional.of(b.reason());
        }
      }
      for (SeedCoverage.Mark g : marks.get().gaps()) {
        if (normalize(g.sentence()).equals(sentence)) {
          mark = Optional.of("source-gap");
          reason = Optional.of(g.reason());
        }
      }
    }
    return new Sentence(source, sentence, entries, mark, reason);
  }
}
