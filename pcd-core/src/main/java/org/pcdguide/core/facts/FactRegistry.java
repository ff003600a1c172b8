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
      List.of(
          FactDef.bool(
              "anemia",
              "latest hemoglobin below the lab's reference range",
              BloodCountFacts::anemia),
          FactDef.bool(
              "assessment.avoid-ordered",
              "an agent to avoid for this patient is ordered or proposed (screening rules only)",
              ScreeningFacts::afterAssessment),
          FactDef.enumeration(
              "assessment.trial-eligibility",
              List.of("yes", "unknown", "no", "none"),
              "best eligibility over the matched trials (screening rules only)",
              ScreeningFacts::afterAssessment),
          FactDef.bool(
              "cd56.negative", "CD56 expression stated absent", MyelomaFacts::cd56Negative),
          FactDef.enumeration(
              "clonality",
              List.of("polyclonal", "monoclonal"),
              "plasma-cell clonality (M-protein, light-chain restriction, IHC, hypergammaglobulinemia)",
              ClonalityFacts::clonality),
          FactDef.enumeration(
              "diagnosis.label",
              List.of(),
              "the case's diagnosis label",
              PatientFacts::diagnosisLabel),
          FactDef.enumeration(
              "emp.site",
              List.of("soft-tissue", "paraskeletal"),
              "extramedullary plasmacytoma site",
              c -> MyelomaFacts.empDetail(c, "site")),
          FactDef.enumeration(
              "emp.timing",
              List.of("diagnosis", "relapse"),
              "extramedullary plasmacytoma timing",
              c -> MyelomaFacts.empDetail(c, "timing")),
          FactDef.bool(
              "il6.elevated",
              "latest serum IL-6 above the lab's reference range",
              OrganFacts::il6Elevated),
          FactDef.bool(
              "ivig.refractory", "history: high-dose IVIg failed", TherapyFacts::ivigRefractory),
          FactDef.enumeration(
              "m-protein.light-chain",
              List.of("kappa", "lambda"),
              "light chain of the M-protein, else of light-chain-restricted plasma cells (IHC)",
              ClonalityFacts::lightChain),
          FactDef.enumeration(
              "myeloma.criteria",
              List.of(MET, "not-met"),
              "multiple-myeloma label not contradicted by a polyclonal finding",
              c -> DeclaredCriteria.evaluate(c, "myeloma.criteria")),
          FactDef.bool(
              "myeloma.criterion.labelled",
              "case labelled multiple-myeloma",
              MyelomaFacts::labelled),
          FactDef.bool(
              "myeloma.criterion.not-polyclonal",
              "clonality is not polyclonal",
              MyelomaFacts::notPolyclonal),
          FactDef.bool(
              "myeloma.relapsed-refractory",
              "plasmacytoma at relapse or progression after systemic therapy",
              MyelomaFacts::relapsedRefractory),
          FactDef.bool(
              "neuropathy.preexisting",
              "clinically significant pre-existing neuropathy (flag, else moderate/severe severity)",
              PatientFacts::neuropathyPreexisting),
          FactDef.number("patient.age", "age in years", PatientFacts::age),
          FactDef.enumeration(
              "patient.sex", List.of("female", "male", "other"), "sex", PatientFacts::sex),
          FactDef.enumeration(
              "plasmacytosis.criteria",
              List.of(MET, "not-met"),
              "polyclonal plasma cells with skin lesions",
              c -> DeclaredCriteria.evaluate(c, "plasmacytosis.criteria")),
          FactDef.bool(
              "plasmacytosis.criterion.polyclonal",
              "clonality = polyclonal",
              ClonalityFacts::polyclonalCriterion),
          FactDef.enumeration(
              "plasmacytosis.extent",
              List.of("cutaneous", "systemic"),
              "cutaneous only vs lymph nodes or other organs involved",
              ClonalityFacts::plasmacytosisExtent),
          FactDef.enumeration(
              "poems.criteria",
              List.of(MET, "not-met"),
              "POEMS criteria: both mandatory, 1 of 3 other major, 1 of 6 minor",
              c -> DeclaredCriteria.evaluate(c, "poems.criteria")),
          FactDef.bool(
              "poems.criterion.castleman-disease",
              "other major criterion",
              c -> PatientFacts.finding(c, "castleman-disease")),
          FactDef.bool(
              "poems.criterion.endocrinopathy",
              "minor criterion (diabetes or thyroid alone does not count)",
              PoemsFacts::endocrinopathy),
          FactDef.bool(
              "poems.criterion.extravascular-volume-overload",
              "minor criterion",
              c -> PatientFacts.finding(c, "extravascular-volume-overload")),
          FactDef.bool(
              "poems.criterion.monoclonal-plasma-cell-disorder",
              "mandatory criterion",
              PoemsFacts::monoclonal),
          FactDef.bool(
              "poems.criterion.organomegaly",
              "minor criterion (organomegaly or lymphadenopathy)",
              PoemsFacts::organomegaly),
          FactDef.bool(
              "poems.criterion.papilledema",
              "minor criterion",
              c -> PatientFacts.finding(c, "papilledema")),
          FactDef.bool(
              "poems.criterion.polyneuropathy",
              "mandatory criterion",
              c -> PatientFacts.finding(c, "peripheral-neuropathy")),
          FactDef.bool(
              "poems.criterion.sclerotic-bone-lesions",
              "other major criterion",
              c -> PatientFacts.finding(c, "sclerotic-bone-lesions")),
          FactDef.bool(
              "poems.criterion.skin-changes",
              "minor criterion",
              c -> PatientFacts.finding(c, "poems-skin-changes")),
          FactDef.bool(
              "poems.criterion.thrombocytosis-polycythemia",
              "minor criterion",
              PoemsFacts::thrombocytosisOrPolycythemia),
          FactDef.bool(
              "poems.criterion.vegf-elevated",
              "other major criterion (plasma VEGF threshold, or serum VEGF above the lab's range)",
              PoemsFacts::vegfElevated),
          FactDef.enumeration(
              "poems.extent",
              List.of("localized", "disseminated"),
              "POEMS disease extent",
              PoemsExtent::extent),
          FactDef.date(
              "radiotherapy.end",
              "end date of the latest radiotherapy",
              TherapyFacts::radiotherapyEnd),
          FactDef.bool(
              "radiotherapy.given", "history lists radiotherapy", TherapyFacts::radiotherapyGiven),
          FactDef.number(
              "radiotherapy.months-since-end",
              "whole months from the latest radiotherapy's end to as-of",
              TherapyFacts::radiotherapyMonthsSinceEnd),
          FactDef.bool(
              "radiotherapy.stabilized",
              "response of the latest radiotherapy",
              TherapyFacts::radiotherapyStabilized),
          FactDef.bool(
              "renal.impaired",
              "renal-impairment finding, else creatinine clearance or eGFR below range",
              OrganFacts::renalImpaired),
          FactDef.enumeration(
              "scleromyxedema.criteria",
              List.of(MET, "not-met"),
              "papular eruption, histologic triad, monoclonal gammopathy, no thyroid disease",
              c -> DeclaredCriteria.evaluate(c, "scleromyxedema.criteria")),
          FactDef.bool(
              "scleromyxedema.criterion.monoclonal-gammopathy",
              "monoclonal gammopathy present",
              ScleromyxedemaFacts::monoclonalGammopathy),
          FactDef.bool(
              "scleromyxedema.criterion.no-thyroid-disease",
              "thyroid disease stated absent",
              ScleromyxedemaFacts::noThyroidDisease),
          FactDef.enumeration(
              "scleromyxedema.severity",
              List.of("nonsevere", "severe"),
              "severe: HDIVig-refractory, CNS (incl. dermato-neuro syndrome) or cardiac involvement",
              ScleromyxedemaFacts::severity),
          FactDef.bool(
              "skin.lesions-limited",
              "skin lesions localized (limited) rather than widespread",
              ClonalityFacts::skinLesionsLimited),
          FactDef.bool(
              "therapy.prior-systemic",
              "history lists a systemic therapy",
              TherapyFacts::priorSystemic),
          FactDef.bool(
              "therapy.refractory",
              "history: a therapy failed (refractory, progression, no stabilization)",
              TherapyFacts::refractory),
          FactDef.bool(
              "thrombocytopenia",
              "latest platelets below the lab's reference range",
              BloodCountFacts::thrombocytopenia),
          FactDef.bool(
              "thrombocytosis",
              "latest platelets above the lab's reference range",
              BloodCountFacts::thrombocytosis),
          FactDef.bool(
              "transplant.eligible",
              "clinician's transplant-eligibility judgement",
              PatientFacts::transplantEligible));

  private static final java.util.Map<String, FactDef> BY_NAME = index();

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

  private static java.util.Map<String, FactDef> index() {
    java.util.Map<String, FactDef> map = new java.util.HashMap<>();
    for (FactDef def : FACTS) {
      map.put(def.name(), def);
    }
    return java.util.Collections.unmodifiableMap(map);
  }

  /** The fixed facts, sorted by name (the {@code finding.*} family is not listed). */
  public static List<FactDef> all() {
    return FACTS;
  }

  /** The thresholds the fact functions read from the pack; the loader checks they are declared. */
  public static List<String> requiredThresholds() {
    return List.of("poems.localized-max-lesions", "poems.vegf-plasma-elevated");
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
