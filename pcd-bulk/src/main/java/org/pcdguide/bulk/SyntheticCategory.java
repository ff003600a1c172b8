package org.pcdguide.bulk;

import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import org.pcdguide.bulk.SyntheticFhir.Detail;
import org.pcdguide.bulk.SyntheticFiles.Code;

/**
 * The kinds of synthetic patient, each with its weight (per 10,000 patients) and the screening
 * findings (knowledge/screening.yaml items) it must produce, sorted. Planted categories are the
 * small groups the screening rules are about, positives and near-miss negatives; the others are the
 * ordinary population. Lab values (VEGF, M-protein, marrow plasma cells, IL-6) are taken from the
 * acceptance cases; they are synthetic test data, as are the ages.
 */
enum SyntheticCategory {
  BACKGROUND("background", 8210, false, 18, 90),
  NEUROPATHY("neuropathy-without-m-protein", 600, false, 35, 85),
  MGUS("mgus", 400, false, 45, 89),
  MYELOMA("myeloma-without-emp", 300, false, 45, 89),
  CIDP_LAMBDA("cidp-lambda", 50, true, 35, 80, "evaluate-for-poems"),
  CIDP_KAPPA("cidp-kappa", 50, true, 35, 80),
  POEMS_UNDIAGNOSED(
      "poems-criteria-met-undiagnosed", 30, true, 35, 75, "poems-criteria-met-undiagnosed"),
  POEMS_LABELLED_CIDP(
      "poems-labelled-cidp",
      20,
      true,
      35,
      75,
      "evaluate-for-poems",
      "poems-criteria-met-undiagnosed"),
  POEMS("poems", 40, true, 35, 75),
  POEMS_SECOND_LINE_THALIDOMIDE("poems-second-line-thalidomide", 20, true, 35, 75),
  POEMS_AVOID("poems-avoid-agent-ordered", 30, true, 35, 75, "avoid-agent-ordered"),
  EMP_RELAPSED("myeloma-emp-relapsed-soft-tissue", 40, true, 45, 85, "trial-eligible"),
  EMP_SITE_UNSTATED("myeloma-emp-site-unstated", 40, true, 45, 85, "trial-possibly-eligible"),
  EMP_NEWLY_DIAGNOSED("myeloma-emp-newly-diagnosed", 40, true, 45, 85),
  SCLEROMYXEDEMA_UNDIAGNOSED(
      "scleromyxedema-criteria-met-undiagnosed",
      30,
      true,
      35,
      75,
      "scleromyxedema-criteria-met-undiagnosed"),
  SCLEROMYXEDEMA("scleromyxedema", 30, true, 35, 75),
  PLASMACYTOSIS("plasmacytosis", 40, true, 30, 75),
  MYELOMA_POLYCLONAL("myeloma-label-polyclonal", 30, true, 45, 85);

  static final List<SyntheticCategory> PLANTED =
      java.util.Arrays.stream(values()).filter(c -> c.planted).toList();

  private static final Code MM =
      Code.of(SyntheticFhir.ICD10, "C90.00", "Multiple myeloma not having achieved remission");
  private static final Code MGUS_CODE =
      Code.of(SyntheticFhir.ICD10, "D47.2", "Monoclonal gammopathy");
  private static final Code CIDP =
      Code.of(SyntheticFhir.ICD10, "G61.81", "Chronic inflammatory demyelinating polyneuritis");
  private static final Code POEMS_CODE =
      Code.of(SyntheticFhir.ORPHANET, "ORPHA:2905", "POEMS syndrome");
  private static final Code SCL_CODE =
      Code.of(SyntheticFhir.ICD10, "L98.5", "Mucinosis of the skin");
  private static final Code EMP =
      Code.of(
          SyntheticFhir.ICD10,
          "C90.20",
          "Extramedullary plasmacytoma not having achieved remission");
  private static final Code EMP_RELAPSE =
      Code.of(SyntheticFhir.ICD10, "C90.22", "Extramedullary plasmacytoma in relapse");
  private static final Code CASTLEMAN =
      Code.of(SyntheticFhir.SNOMED, "207036003", "Castleman disease");
  private static final Code VEGF =
      Code.of(
          SyntheticFhir.LOINC,
          "75628-8",
          "Vascular endothelial growth factor A [Mass/volume] in Serum or Plasma");
  private static final Code SPEP =
      Code.of(
          SyntheticFhir.LOINC,
          "33358-3",
          "Protein.monoclonal [Mass/volume] in Serum or Plasma by Electrophoresis");
  private static final Code IL6 =
      Code.of(SyntheticFhir.LOINC, "26881-3", "Interleukin 6 [Mass/volume] in Serum or Plasma");
  private static final Code MARROW = Code.local("lab:bone-marrow-plasma-cells");
  private static final Code THALIDOMIDE = Code.of(SyntheticFhir.RXNORM, "10432", "thalidomide");
  private static final Code LENALIDOMIDE = Code.of(SyntheticFhir.RXNORM, "342369", "lenalidomide");
  private static final Code IVIG = Code.local("agent:ivig-high-dose");
  private static final Code VRD = Code.local("regimen:bortezomib-lenalidomide-dexamethasone");
  private static final Code MELDEX = Code.local("regimen:melphalan-dexamethasone");
  private static final Code ASCT = Code.local("agent:autologous-stem-cell-transplant");
  private static final SerializedString G_DL = SyntheticFiles.s("g/dL");
  private static final SerializedString PG_ML = SyntheticFiles.s("pg/mL");
  private static final SerializedString PERCENT = SyntheticFiles.s("%");
  private static final double[] VEGF_PLASMA = {400, 700, 980, 1100, 1300};
  private static final String[] MINOR = {
    "papilledema", "organomegaly", "extravascular-volume-overload", "poems-skin-changes"
  };
  private static final String[] FAMILY = {
    "Smith", "Garcia", "Nguyen", "Kowalski", "Okafor", "Larsen", "Rossi", "Tanaka", "Haddad"
  };
  private static final String[] GIVEN_FEMALE = {"Anna", "Maria", "Ingrid", "Amara", "Yuki", "Lea"};
  private static final String[] GIVEN_MALE = {"John", "Luis", "Minh", "Piotr", "Kofi", "Omar"};

  final String id;
  final int weight;
  final boolean planted;
  final List<String> findings;
  private final int minAge;
  private final int maxAge;

  SyntheticCategory(
      String id, int weight, boolean planted, int minAge, int maxAge, String... findings) {
    this.id = id;
    this.weight = weight;
    this.planted = planted;
    this.minAge = minAge;
    this.maxAge = maxAge;
    this.findings = List.of(findings);
  }

  /** Draws a category by weight (the weights add up to 10,000). */
  static SyntheticCategory draw(SplittableRandom r) {
    int x = r.nextInt(10_000);
    for (SyntheticCategory c : values()) {
      x -= c.weight;
      if (x < 0) {
        return c;
      }
    }
    return BACKGROUND;
  }

  /** Writes the whole record of one patient of this category. */
  void write(SyntheticFhir f, SplittableRandom r, String patient) throws IOException {
    boolean male = r.nextBoolean();
    int age = minAge + r.nextInt(maxAge - minAge + 1);
    int variant = r.nextInt(100);
    String given = male ? pick(r, GIVEN_MALE) : pick(r, GIVEN_FEMALE);
    f.patient(patient, male, age, r.nextInt(365), pick(r, FAMILY), given);
    SyntheticBackground.write(f, r, male, age, this == NEUROPATHY && variant < 50);
    SerializedString onset = f.day(60 + r.nextInt(900));
    SerializedString recent = f.day(r.nextInt(60));
    switch (this) {
      case BACKGROUND -> {}
      case NEUROPATHY -> neuropathy(f, r, variant, onset, recent);
      case MGUS -> {
        label(f, MGUS_CODE, onset);
        mProtein(f, pick(r, "IgG", "IgA", "IgM"), pick(r, "kappa", "lambda"), recent);
        lab(f, SPEP, value(r, 0.4, 0.6, 0.8), G_DL, recent);
        if (variant < 30) {
          finding(f, "peripheral-neuropathy", false, onset);
        }
      }
      case MYELOMA -> myeloma(f, r, variant, onset, recent);
      case CIDP_LAMBDA, CIDP_KAPPA -> {
        label(f, CIDP, onset);
        neuropathyFinding(f, r, onset);
        mProtein(f, pick(r, "IgG", "IgA"), this == CIDP_LAMBDA ? "lambda" : "kappa", recent);
        if (variant < 30) {
          finding(f, "sclerotic-bone-lesions", false, recent);
        }
        if (variant % 2 == 0) {
          f.medicationRequest(IVIG, "draft", "proposal", recent);
        }
      }
      case POEMS_UNDIAGNOSED, POEMS_LABELLED_CIDP -> {
        if (this == POEMS_LABELLED_CIDP) {
          label(f, CIDP, onset);
        } else if (variant < 40) {
          label(f, MGUS_CODE, onset);
        }
        poemsCriteriaMet(f, r, onset, recent);
        if (variant % 2 == 0) {
          f.coded("obs:history-reviewed", true, recent);
        }
      }
      case POEMS, POEMS_SECOND_LINE_THALIDOMIDE, POEMS_AVOID -> poems(f, r, variant, onset, recent);
      case EMP_RELAPSED, EMP_SITE_UNSTATED, EMP_NEWLY_DIAGNOSED, MYELOMA_POLYCLONAL ->
          plasmacytoma(f, r, variant, onset, recent);
      case SCLEROMYXEDEMA_UNDIAGNOSED, SCLEROMYXEDEMA -> {
        if (this == SCLEROMYXEDEMA) {
          label(f, SCL_CODE, onset);
        } else if (variant < 40) {
          label(f, MGUS_CODE, onset);
        }
        finding(f, "papular-eruption", true, onset);
        finding(f, "scleromyxedema-histology", true, onset);
        finding(f, "thyroid-disease", false, onset);
        finding(f, "peripheral-neuropathy", false, onset);
        mProtein(f, "IgG", pick(r, "lambda", "kappa"), recent);
        f.coded("obs:history-reviewed", true, recent);
      }
      case PLASMACYTOSIS -> plasmacytosis(f, r, variant, onset, recent);
    }
  }

  private static void neuropathy(
      SyntheticFhir f,
      SplittableRandom r,
      int variant,
      SerializedString onset,
      SerializedString recent)
      throws IOException {
    if (variant >= 50 && variant < 80) {
      label(f, CIDP, onset);
      if (variant % 3 == 0) {
        f.medicationRequest(IVIG, "active", "order", recent);
      }
    }
    neuropathyFinding(f, r, onset);
    if (variant >= 50 || variant % 2 == 0) {
      f.coded("obs:m-protein", false, recent);
    }
  }

  private static void myeloma(
      SyntheticFhir f,
      SplittableRandom r,
      int variant,
      SerializedString onset,
      SerializedString recent)
      throws IOException {
    label(f, MM, onset);
    mProtein(f, pick(r, "IgG", "IgA"), pick(r, "kappa", "lambda"), recent);
    lab(f, SPEP, value(r, 2.1, 3.4), G_DL, recent);
    lab(f, MARROW, value(r, 30, 35, 45), PERCENT, recent);
    if (variant < 30) {
      finding(f, "extramedullary-plasmacytoma", false, recent);
    }
    if (variant % 2 == 0) {
      inductionGiven(f, r, pick(r, "very-good-partial", "partial"));
    }
    if (variant % 3 == 0) {
      f.medicationRequest(LENALIDOMIDE, "active", "order", recent);
    }
  }

  private void poems(
      SyntheticFhir f,
      SplittableRandom r,
      int variant,
      SerializedString onset,
      SerializedString recent)
      throws IOException {
    label(f, POEMS_CODE, onset);
    poemsCriteriaMet(f, r, onset, recent);
    if (variant < 50) {
      f.coded("obs:transplant-eligible", r.nextBoolean(), recent);
    }
    boolean prior = this == POEMS_SECOND_LINE_THALIDOMIDE || (this == POEMS && variant < 40);
    if (prior) {
      f.medicationStatement(
          MELDEX, f.day(500 + r.nextInt(300)), f.day(200 + r.nextInt(200)), "partial");
    } else if (this == POEMS_AVOID || variant % 2 == 0) {
      f.coded("obs:history-reviewed", true, recent);
    }
    if (this == POEMS_SECOND_LINE_THALIDOMIDE || (this == POEMS_AVOID && variant % 2 == 0)) {
      f.medicationRequest(THALIDOMIDE, "draft", "proposal", recent);
    } else if (this == POEMS_AVOID) {
      f.medicationRequest(IVIG, "active", "order", recent);
    }
  }

  private void plasmacytoma(
      SyntheticFhir f,
      SplittableRandom r,
      int variant,
      SerializedString onset,
      SerializedString recent)
      throws IOException {
    label(f, MM, onset);
    f.coded("obs:transplant-eligible", variant % 2 == 0, recent);
    switch (this) {
      case EMP_RELAPSED -> {
        mProtein(f, pick(r, "IgG", "IgA"), pick(r, "kappa", "lambda"), recent);
        plasmacytomaFinding(f, EMP_RELAPSE, recent, "soft-tissue", "relapse");
        inductionGiven(f, r, pick(r, "very-good-partial", "partial", "progression"));
      }
      case EMP_SITE_UNSTATED -> {
        mProtein(f, pick(r, "IgG", "IgA"), pick(r, "kappa", "lambda"), recent);
        if (variant < 50) {
          plasmacytomaFinding(f, EMP_RELAPSE, recent, "", "relapse");
          inductionGiven(f, r, "progression");
        } else {
          plasmacytomaFinding(f, EMP, recent, "", "");
        }
      }
      case EMP_NEWLY_DIAGNOSED -> {
        mProtein(f, pick(r, "IgG", "IgA"), pick(r, "kappa", "lambda"), recent);
        lab(f, MARROW, value(r, 30, 35, 45), PERCENT, recent);
        plasmacytomaFinding(f, EMP, recent, "soft-tissue", "diagnosis");
        f.coded("obs:history-reviewed", true, recent);
      }
      default -> {
        // labelled myeloma, but the plasma cells are polyclonal: the label is not supported
        if (variant < 60) {
          plasmacytomaFinding(f, EMP, recent, "soft-tissue", "diagnosis");
        }
        finding(f, "skin-lesions", false, recent);
        f.coded("obs:plasma-cell-ihc", true, recent, "obs:kappa", true, "obs:lambda", true);
        f.coded("obs:history-reviewed", true, recent);
      }
    }
  }

  private static void plasmacytosis(
      SyntheticFhir f,
      SplittableRandom r,
      int variant,
      SerializedString onset,
      SerializedString recent)
      throws IOException {
    boolean systemic = variant < 50;
    label(
        f,
        Code.local(
            systemic ? "diagnosis:systemic-plasmacytosis" : "diagnosis:cutaneous-plasmacytosis"),
        onset);
    finding(
        f,
        "skin-lesions",
        true,
        onset,
        new Detail("type", pick(r, "plaques", "nodules")),
        new Detail("distribution", systemic ? "widespread" : pick(r, "localized", "widespread")));
    finding(f, "lymphadenopathy", systemic, onset);
    finding(f, "systemic-organ-involvement", false, onset);
    f.coded("obs:m-protein", false, recent);
    f.coded("obs:plasma-cell-ihc", true, recent, "obs:kappa", true, "obs:lambda", true);
    f.coded("obs:polyclonal-hypergammaglobulinemia", true, recent);
    f.quantity(IL6, false, value(r, 4, 5, 22, 48), PG_ML, Double.NaN, 7, recent, null, null);
    f.coded("obs:history-reviewed", true, recent);
  }

  /**
   * Both mandatory criteria (polyneuropathy, lambda M-protein), at least one other major criterion
   * (sclerotic bone lesions, plasma VEGF at or above the pack's threshold, Castleman disease) and
   * at least one minor criterion.
   */
  private static void poemsCriteriaMet(
      SyntheticFhir f, SplittableRandom r, SerializedString onset, SerializedString recent)
      throws IOException {
    neuropathyFinding(f, r, onset);
    mProtein(f, pick(r, "IgA", "IgG"), "lambda", recent);
    int major = r.nextInt(4);
    if (major != 1) {
      Detail[] lesions =
          switch (r.nextInt(3)) {
            case 0 -> new Detail[] {new Detail("pattern", "solitary"), new Detail("count", 1)};
            case 1 -> new Detail[] {new Detail("pattern", "limited"), new Detail("count", 2)};
            default -> new Detail[] {new Detail("pattern", "diffuse")};
          };
      finding(f, "sclerotic-bone-lesions", true, onset, lesions);
    }
    if (major == 1 || major == 2) {
      SyntheticFhir.Specimen specimen = f.specimen("Plasma", recent);
      f.quantity(
          VEGF,
          false,
          value(r, VEGF_PLASMA),
          PG_ML,
          Double.NaN,
          Double.NaN,
          recent,
          null,
          specimen);
    }
    if (major == 3) {
      f.condition(CASTLEMAN, false, true, onset);
    }
    finding(f, "bone-marrow-involvement", r.nextBoolean(), recent);
    int first = r.nextInt(MINOR.length);
    finding(f, MINOR[first], true, onset);
    if (r.nextBoolean()) {
      finding(f, "endocrinopathy", true, onset, new Detail("kinds", pick(r, "gonadal", "adrenal")));
    }
  }

  private static void neuropathyFinding(SyntheticFhir f, SplittableRandom r, SerializedString onset)
      throws IOException {
    finding(
        f,
        "peripheral-neuropathy",
        true,
        onset,
        new Detail("severity", pick(r, "mild", "moderate", "severe")));
  }

  private static void plasmacytomaFinding(
      SyntheticFhir f, Code code, SerializedString date, String site, String timing)
      throws IOException {
    Detail[] details =
        site.isEmpty() && timing.isEmpty()
            ? new Detail[0]
            : site.isEmpty()
                ? new Detail[] {new Detail("timing", timing)}
                : new Detail[] {new Detail("site", site), new Detail("timing", timing)};
    f.condition(code, false, true, date, details);
  }

  /** Induction with VRd (systemic) about two years ago, sometimes followed by ASCT. */
  private static void inductionGiven(SyntheticFhir f, SplittableRandom r, String response)
      throws IOException {
    int start = 600 + r.nextInt(300);
    int end = start - 150 - r.nextInt(60);
    f.medicationStatement(VRD, f.day(start), f.day(end), response);
    if (r.nextBoolean()) {
      f.procedure(ASCT, f.day(end - 60 - r.nextInt(30)));
    }
  }

  private static void label(SyntheticFhir f, Code code, SerializedString onset) throws IOException {
    f.condition(code, true, true, onset);
  }

  private static void finding(
      SyntheticFhir f, String id, boolean present, SerializedString date, Detail... details)
      throws IOException {
    f.condition(Code.local("finding:" + id), false, present, date, details);
  }

  private static void mProtein(SyntheticFhir f, String heavy, String light, SerializedString date)
      throws IOException {
    f.coded("obs:m-protein", true, date, "obs:heavy-chain", heavy, "obs:light-chain", light);
  }

  private static void lab(
      SyntheticFhir f, Code code, double value, SerializedString unit, SerializedString date)
      throws IOException {
    f.quantity(code, false, value, unit, Double.NaN, Double.NaN, date, null, null);
  }

  @SafeVarargs
  private static <T> T pick(SplittableRandom r, T... values) {
    return values[r.nextInt(values.length)];
  }

  private static double value(SplittableRandom r, double... values) {
    return values[r.nextInt(values.length)];
  }
}
