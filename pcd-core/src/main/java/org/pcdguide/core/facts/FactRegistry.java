package org.pcdguide.core.facts;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.pcdguide.core.knowledge.FactCatalog;
import org.pcdguide.core.knowledge.Vocabulary;

/**
 * Every fact the knowledge pack may name, sorted by name: an explicit list, not classpath scanning.
 * The {@code finding.<id>} family exists for every finding of the vocabulary.
 */
public final class FactRegistry {
  private static final String MET = "met";
  private static final List<FactDef> FACTS =
      sorted(
          FactDef.bool(
              "anemia",
              "latest hemoglobin below the lab's reference range low limit; unknown without one",
              BloodCountFacts::anemia),
          FactDef.bool(
              "assessment.avoid-ordered",
              "screening rules only: a proposed or active order hits an avoid entry of this patient's assessment",
              ScreeningFacts::afterAssessment),
          FactDef.enumeration(
              "assessment.trial-eligibility",
              List.of("yes", "unknown", "no", "none"),
              "screening rules only: best eligibility over the assessment's trials",
              ScreeningFacts::afterAssessment),
          FactDef.bool("cd56.negative", "cd56-expression stated false", MyelomaFacts::cd56Negative),
          FactDef.enumeration(
              "clonality",
              List.of("polyclonal", "monoclonal"),
              "monoclonal when an M-protein, a light-chain-restricted plasma-cell IHC or a serum M-protein value is present; polyclonal when IHC shows both kappa and lambda, or polyclonal hypergammaglobulinemia without an M-protein",
              ClonalityFacts::clonality),
          FactDef.enumeration(
              "diagnosis.label",
              List.of(),
              "the case's diagnosis id (unknown when absent)",
              PatientFacts::diagnosisLabel),
          FactDef.enumeration(
              "emp.site",
              List.of("soft-tissue", "paraskeletal"),
              "extramedullary-plasmacytoma.site",
              c -> MyelomaFacts.empDetail(c, "site")),
          FactDef.enumeration(
              "emp.timing",
              List.of("diagnosis", "relapse"),
              "extramedullary-plasmacytoma.timing",
              c -> MyelomaFacts.empDetail(c, "timing")),
          FactDef.bool(
              "il6.elevated",
              "latest il-6-serum above the lab's reference range high limit",
              OrganFacts::il6Elevated),
          FactDef.enumeration(
              "m-protein.light-chain",
              List.of("kappa", "lambda"),
              "the M-protein's light chain, else the one light-chain-restricted plasma cells express (IHC)",
              ClonalityFacts::lightChain),
          FactDef.enumeration(
              "myeloma.criteria",
              List.of(MET, "not-met"),
              "criteria for multiple myeloma (the clinician's label, checked against clonality)",
              c -> DeclaredCriteria.evaluate(c, "myeloma.criteria")),
          FactDef.bool(
              "myeloma.criterion.labelled",
              "the case is labelled multiple-myeloma",
              MyelomaFacts::labelled),
          FactDef.bool(
              "myeloma.criterion.not-polyclonal",
              "clonality is not polyclonal (unknown clonality does not overrule the label)",
              MyelomaFacts::notPolyclonal),
          FactDef.bool(
              "myeloma.relapsed-refractory",
              "EMP timing relapse, or a prior systemic therapy with progression/refractory/no-stabilization; false when newly diagnosed (EMP at diagnosis, or no prior systemic therapy)",
              MyelomaFacts::relapsedRefractory),
          FactDef.bool(
              "neuropathy.preexisting",
              "clinically significant pre-existing neuropathy: the preexisting flag, else severity moderate/severe = true, mild = false; mere presence never decides",
              PatientFacts::neuropathyPreexisting),
          FactDef.number("patient.age", "years", PatientFacts::age),
          FactDef.enumeration(
              "patient.sex", List.of("female", "male", "other"), "sex", PatientFacts::sex),
          FactDef.enumeration(
              "plasmacytosis.criteria",
              List.of(MET, "not-met"),
              "criteria for plasmacytosis",
              c -> DeclaredCriteria.evaluate(c, "plasmacytosis.criteria")),
          FactDef.bool(
              "plasmacytosis.criterion.polyclonal",
              "clonality = polyclonal (false when monoclonal)",
              ClonalityFacts::polyclonalCriterion),
          FactDef.enumeration(
              "plasmacytosis.extent",
              List.of("cutaneous", "systemic"),
              "systemic when lymphadenopathy or other organ involvement is present",
              ClonalityFacts::plasmacytosisExtent),
          FactDef.bool(
              "poems.adverse.age-over-50",
              "patient.age against threshold poems.survival-adverse-age (wang-2017-leukemia: age over 50 adverse for overall survival)",
              c -> PrognosticFacts.age(c, PrognosticFacts.SURVIVAL_AGE_50)),
          FactDef.bool(
              "poems.adverse.age-over-60",
              "patient.age against threshold poems.adverse-age (seed 003 and its ref 5: age over 60 adverse)",
              c -> PrognosticFacts.age(c, PrognosticFacts.AGE_60)),
          FactDef.bool(
              "poems.adverse.egfr-below-30",
              "latest eGFR against threshold poems.survival-adverse-egfr (wang-2017-leukemia: eGFR below 30 adverse for overall survival); unknown without an eGFR",
              c -> PrognosticFacts.egfr(c, PrognosticFacts.SURVIVAL_EGFR_30)),
          FactDef.enumeration(
              "poems.criteria",
              List.of(MET, "not-met"),
              "criteria for POEMS syndrome",
              c -> DeclaredCriteria.evaluate(c, "poems.criteria")),
          FactDef.bool(
              "poems.criterion.castleman-disease",
              "castleman-disease stated present",
              c -> PatientFacts.finding(c, "castleman-disease")),
          FactDef.bool(
              "poems.criterion.endocrinopathy",
              "an endocrinopathy stated, of kinds that are not diabetes or thyroid disease alone",
              PoemsFacts::endocrinopathy),
          FactDef.bool(
              "poems.criterion.extravascular-volume-overload",
              "extravascular-volume-overload stated present",
              c -> PatientFacts.finding(c, "extravascular-volume-overload")),
          FactDef.bool(
              "poems.criterion.monoclonal-plasma-cell-disorder",
              "an M-protein, a light-chain-restricted plasma-cell IHC or a serum M-protein value",
              PoemsFacts::monoclonal),
          FactDef.bool(
              "poems.criterion.organomegaly",
              "organomegaly or lymphadenopathy stated present",
              PoemsFacts::organomegaly),
          FactDef.bool(
              "poems.criterion.papilledema",
              "papilledema stated present",
              c -> PatientFacts.finding(c, "papilledema")),
          FactDef.bool(
              "poems.criterion.polyneuropathy",
              "peripheral-neuropathy stated present",
              c -> PatientFacts.finding(c, "peripheral-neuropathy")),
          FactDef.bool(
              "poems.criterion.sclerotic-bone-lesions",
              "sclerotic-bone-lesions stated present",
              c -> PatientFacts.finding(c, "sclerotic-bone-lesions")),
          FactDef.bool(
              "poems.criterion.skin-changes",
              "poems-skin-changes stated present",
              c -> PatientFacts.finding(c, "poems-skin-changes")),
          FactDef.bool(
              "poems.criterion.thrombocytosis-polycythemia",
              "polycythemia (stated present, or the latest hemoglobin or hematocrit above the lab's reference range high limit, which decides when polycythemia is not stated), or thrombocytosis",
              PoemsFacts::thrombocytosisOrPolycythemia),
          FactDef.bool(
              "poems.criterion.vegf-elevated",
              "plasma VEGF at/above threshold poems.vegf-plasma-elevated, or serum VEGF above the lab's reference range",
              PoemsFacts::vegfElevated),
          FactDef.enumeration(
              "poems.extent",
              List.of("localized", "disseminated", "no-bone-lesion"),
              "POEMS disease extent",
              PoemsExtent::extent),
          FactDef.bool(
              "renal.impaired",
              "finding renal-impairment, else latest creatinine clearance or eGFR below the lab's reference low limit",
              OrganFacts::renalImpaired),
          FactDef.enumeration(
              "scleromyxedema.criteria",
              List.of(MET, "not-met"),
              "criteria for scleromyxedema with monoclonal gammopathy",
              c -> DeclaredCriteria.evaluate(c, "scleromyxedema.criteria")),
          FactDef.bool(
              "scleromyxedema.criterion.monoclonal-gammopathy",
              "clonality = monoclonal (false when polyclonal or M-protein absent)",
              ScleromyxedemaFacts::monoclonalGammopathy),
          FactDef.bool(
              "scleromyxedema.criterion.no-thyroid-disease",
              "thyroid-disease stated false",
              ScleromyxedemaFacts::noThyroidDisease),
          FactDef.enumeration(
              "scleromyxedema.severity",
              List.of("nonsevere", "severe"),
              "severe when HDIVig-refractory, CNS involvement (dermato-neuro syndrome counts) or cardiac involvement",
              ScleromyxedemaFacts::severity),
          FactDef.bool(
              "skin.lesions-limited",
              "skin-lesions distribution localized = true, widespread = false",
              ClonalityFacts::skinLesionsLimited),
          FactDef.bool(
              "thrombocytopenia",
              "latest platelets below the reference range low limit",
              BloodCountFacts::thrombocytopenia),
          FactDef.bool(
              "thrombocytosis",
              "latest platelets above the reference range high limit",
              BloodCountFacts::thrombocytosis),
          FactDef.bool(
              "transplant.eligible", "clinician's judgement", PatientFacts::transplantEligible));

  /** The facts above and the therapy facts ({@link TherapyFacts#DEFS}), sorted by name. */
  private static List<FactDef> sorted(FactDef... defs) {
    List<FactDef> all = new java.util.ArrayList<>(List.of(defs));
    all.addAll(TherapyFacts.DEFS);
    all.sort(java.util.Comparator.comparing(FactDef::name));
    return List.copyOf(all);
  }

  private static final java.util.Map<String, FactDef> BY_NAME =
      FACTS.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(FactDef::name, d -> d));

  /** This registry as the pack loader's fact catalog. */
  public static final FactCatalog CATALOG =
      new FactCatalog() {
        @Override
        public Optional<FactDef> lookup(String name, Vocabulary vocabulary) {
          return FactRegistry.lookup(name, vocabulary);
        }

        @Override
        public List<String> requiredThresholds() {
          return FactRegistry.requiredThresholds();
        }

        @Override
        public List<String> caseProblems(String document, LocalDate asOf, Vocabulary vocabulary) {
          try {
            new org.pcdguide.core.cases.CaseReader(vocabulary)
                .read("example", document.getBytes(UTF_8), Optional.of(asOf));
            return List.of();
          } catch (org.pcdguide.core.cases.CaseFormatException e) {
            return e.problems().stream().map(Object::toString).toList();
          }
        }
      };

  private FactRegistry() {}

  /** The fixed facts, sorted by name (the {@code finding.*} family is not listed). */
  public static List<FactDef> all() {
    return FACTS;
  }

  /** The thresholds the fact functions read from the pack; the loader checks they are declared. */
  public static List<String> requiredThresholds() {
    return List.of(
        PrognosticFacts.AGE_60,
        "poems.localized-max-lesions",
        PrognosticFacts.SURVIVAL_AGE_50,
        PrognosticFacts.SURVIVAL_EGFR_30,
        "poems.vegf-plasma-elevated");
  }

  public static Optional<FactDef> lookup(String name, Vocabulary vocabulary) {
    FactDef def = BY_NAME.get(name);
    if (def != null) {
      if (def.name().equals("diagnosis.label")) {
        return Optional.of(
            FactDef.enumeration(
                def.name(),
                List.copyOf(vocabulary.diagnoses().keySet()),
                def.meaning(),
                def.derive()));
      }
      return Optional.of(def);
    }
    if (name.startsWith("finding.")) {
      String id = name.substring("finding.".length());
      if (vocabulary.findings().containsKey(id)) {
        return Optional.of(
            FactDef.bool(name, "stated presence of " + id, c -> PatientFacts.finding(c, id)));
      }
    }
    return Optional.empty();
  }
}
