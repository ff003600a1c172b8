package org.pcdguide.core.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * A source an entry may cite, with what a reader needs to weigh it: kind, population, whether it
 * studied the same entity, size, year and grade; for seed documents, the stored verbatim text.
 */
public record Source(
    String id,
    String title,
    SourceKind kind,
    Population population,
    boolean sameEntity,
    String design,
    Optional<Integer> size,
    Optional<Integer> year,
    Grade grade,
    Optional<String> citation,
    Optional<String> text,
    Optional<String> notes,
    List<CitedReference> citedReferences,
    Optional<AgeRange> ages) {

  public Source {
    citedReferences = List.copyOf(citedReferences);
  }

  /** A numbered citation inside a seed, and the publication it was identified as. */
  public record CitedReference(
      String locator, String identifiedAs, String status, Optional<String> note) {}

  /**
   * The labels every renderer shows next to a statement resting on this source: veterinary,
   * different entity, proposal without results, generated summary.
   */
  public List<String> labels() {
    List<String> labels = new java.util.ArrayList<>();
    if (population == Population.VETERINARY) {
      labels.add("veterinary");
    }
    if (!sameEntity) {
      labels.add("different entity");
    }
    if (kind == SourceKind.TRIAL_PROPOSAL) {
      labels.add("proposal without results");
    }
    if (kind == SourceKind.GENERATED_SUMMARY) {
      labels.add("generated summary, citations unlisted");
    }
    return List.copyOf(labels);
  }

  /** Human evidence of the same entity (ranks above veterinary or different-entity evidence). */
  public boolean human() {
    return population == Population.HUMAN && sameEntity;
  }

  /**
   * Whom the source studied, as every output names it: "human, ages 35-73" or "..., age range not
   * stated".
   */
  public String populationText() {
    return population.word() + ", " + ages.map(AgeRange::describe).orElse("age range not stated");
  }
}
