package org.pcdguide.core.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.pcdguide.core.TestPack;

/**
 * Which entries quote a seed sentence: a quote holds the sentence or the sentence holds the quote.
 * The search runs over all sentences and all quotes at once; it must find exactly the pairs that
 * comparing every sentence with every quote finds.
 */
class CoverageTest {

  @Property(tries = 3000)
  void quoted_isEveryPairWhereOneHoldsTheOther(
      @ForAll("texts") List<String> sentences, @ForAll("quotes") List<String> quotes) {
    boolean[][] quoted = Coverage.quoted(sentences, quotes);
    for (int i = 0; i < sentences.size(); i++) {
      for (int j = 0; j < quotes.size(); j++) {
        String s = sentences.get(i);
        String q = quotes.get(j);
        assertThat(quoted[i][j])
            .as("sentence '%s', quote '%s'", s, q)
            .isEqualTo(q.contains(s) || s.contains(q));
      }
    }
  }

  @Property(tries = 10000)
  void sentences_areThoseOfThePatternsAppliedToEveryLine(@ForAll("seedTexts") String text) {
    assertThat(Coverage.sentences(text)).isEqualTo(byPatterns(text));
  }

  @Test
  void sentences_ofTheStoredSeeds_areThoseOfThePatternsAppliedToEveryLine() {
    assertThat(TestPack.PACK.texts()).isNotEmpty();
    TestPack.PACK
        .texts()
        .values()
        .forEach(t -> assertThat(Coverage.sentences(t)).isEqualTo(byPatterns(t)));
  }

  // the cut as docs/knowledge-format.md words it, every pattern on every line
  private static List<String> byPatterns(String text) {
    List<String> out = new ArrayList<>();
    for (String raw : text.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      line = Coverage.BULLET.matcher(line).replaceFirst("");
      line = Coverage.CITATIONS.matcher(line).replaceFirst("");
      line = Coverage.SPACE.matcher(line).replaceAll(" ").strip();
      for (String s : Coverage.SENTENCE_END.split(line)) {
        if (!s.isBlank()) {
          out.add(s.strip());
        }
      }
    }
    return out;
  }

  @Provide
  Arbitrary<String> seedTexts() {
    return Arbitraries.strings()
        .withChars("aB1 .!?,-*•\t\r\n\u000B\f(\u0085\u2028\u2029\u00A0٣")
        .ofMaxLength(40);
  }

  @Test
  void repositoryPack_everySentencesEntriesAreTheQuotesHoldingItOrHeldByIt() {
    KnowledgePack pack = TestPack.PACK;
    List<Coverage.Sentence> all = Coverage.of(pack);
    assertThat(all).hasSizeGreaterThan(100);
    for (Coverage.Sentence s : all) {
      List<String> expected = new ArrayList<>();
      for (DisorderModule m : pack.modules()) {
        for (Entry e : m.entries()) {
          for (Evidence ev : e.evidence()) {
            if (ev.source().equals(s.source()) && ev.quote().isPresent()) {
              String q = Coverage.normalize(ev.quote().get());
              if ((q.contains(s.text()) || s.text().contains(q)) && !expected.contains(e.id())) {
                expected.add(e.id());
              }
            }
          }
        }
      }
      assertThat(s.entries()).as(s.text()).isEqualTo(expected);
    }
    assertThat(all).anyMatch(s -> s.entries().size() > 1);
  }

  // short texts over a tiny alphabet, so that holding one another is frequent; never a line break
  // (neither a sentence nor a normalised quote has one)
  @Provide
  Arbitrary<List<String>> texts() {
    return Arbitraries.strings().withChars("ab ").ofMinLength(1).ofMaxLength(6).list().ofMaxSize(8);
  }

  @Provide
  Arbitrary<List<String>> quotes() {
    return Arbitraries.strings().withChars("ab ").ofMinLength(0).ofMaxLength(8).list().ofMaxSize(8);
  }
}
