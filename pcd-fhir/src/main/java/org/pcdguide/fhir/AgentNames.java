package org.pcdguide.fhir;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pcdguide.core.knowledge.Vocabulary;

/**
 * Drug names the FHIR door recognises in a product's display or text when no code maps
 * ("thalidomide 50 MG Oral Capsule", "Thalomid 50 MG Oral Capsule"): the ingredient name of every
 * vocabulary drug whose label is that name (systemic agents and corticosteroids), and the brand
 * names of the terminology map's brand table, each with its source. A name matches a whole word
 * only, so pomalidomide is never thalidomide. Serializable: Spark's pass 1 keeps the lines it
 * names.
 */
public record AgentNames(Map<String, String> ingredients, Map<String, Terminology.Brand> brands)
    implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final List<String> DRUG_CLASSES = List.of("systemic", "corticosteroid");

  /** A name found in a text: the agent it names, and the brand entry when it was a brand. */
  public record Match(String agent, String name, Optional<Terminology.Brand> brand) {}

  public AgentNames {
    ingredients = Map.copyOf(ingredients);
    brands = Map.copyOf(brands);
  }

  public static AgentNames of(Vocabulary vocabulary, Terminology terminology) {
    Map<String, String> ingredients = new LinkedHashMap<>();
    for (Vocabulary.AgentDef a : vocabulary.agents().values()) {
      String name = a.label().toLowerCase(Locale.ROOT);
      if (DRUG_CLASSES.contains(a.agentClass()) && name.equals(a.id())) {
        ingredients.put(name, a.id());
      }
    }
    Map<String, Terminology.Brand> brands = new LinkedHashMap<>();
    for (Terminology.Brand b : terminology.brands()) {
      if (vocabulary.agents().containsKey(b.agent())) {
        brands.put(b.name().toLowerCase(Locale.ROOT), b);
      }
    }
    return new AgentNames(ingredients, brands);
  }

  /** The agents a text names, in text order, each once. */
  public List<Match> find(String text) {
    List<Match> found = new ArrayList<>();
    for (String word : WORDS.split(text.toLowerCase(Locale.ROOT))) {
      Optional<Match> m = match(word);
      if (m.isPresent() && found.stream().noneMatch(f -> f.agent().equals(m.get().agent()))) {
        found.add(m.get());
      }
    }
    return found;
  }

  /** Whether a text names any agent (pass 1 of a screening run keeps such lines). */
  public boolean any(String text) {
    for (String word : WORDS.split(text.toLowerCase(Locale.ROOT))) {
      if (match(word).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private Optional<Match> match(String word) {
    String agent = ingredients.get(word);
    if (agent != null) {
      return Optional.of(new Match(agent, word, Optional.empty()));
    }
    Terminology.Brand brand = brands.get(word);
    return brand == null
        ? Optional.empty()
        : Optional.of(new Match(brand.agent(), brand.name(), Optional.of(brand)));
  }
}
