package org.pcdguide.bulk;

import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.SplittableRandom;
import org.pcdguide.bulk.SyntheticFiles.Code;

/**
 * The ordinary record every synthetic patient has, whatever its category: outpatient encounters
 * with vital signs (LOINC codes the pack does not use), the common labs the pack does use
 * (hemoglobin, platelets, eGFR, creatinine clearance, with UCUM units and reference ranges,
 * sometimes out of range), common conditions and their drugs (SNOMED CT, ICD-10-CM and RxNorm codes
 * the door does not map), immunizations, allergies and the odd unrelated procedure.
 *
 * <p>All values are synthetic test data drawn from fixed ranges, not clinical figures. The
 * reference ranges are those the acceptance cases use (hemoglobin 13.5-17.5 g/dL for men and
 * 12.0-16.0 g/dL for women, platelets 150-400 x 10^9/L, eGFR and creatinine clearance from 60).
 */
final class SyntheticBackground {
  private static final Code HYPERTENSION_SCT =
      Code.of(SyntheticFhir.SNOMED, "38341003", "Hypertensive disorder, systemic arterial");
  private static final Code HYPERTENSION_ICD =
      Code.of(SyntheticFhir.ICD10, "I10", "Essential (primary) hypertension");
  private static final Code DIABETES_SCT =
      Code.of(SyntheticFhir.SNOMED, "44054006", "Diabetes mellitus type 2");
  private static final Code DIABETES_ICD =
      Code.of(SyntheticFhir.ICD10, "E11.9", "Type 2 diabetes mellitus without complications");
  private static final Code LIPIDS_SCT =
      Code.of(SyntheticFhir.SNOMED, "55822004", "Hyperlipidemia");
  private static final Code LIPIDS_ICD =
      Code.of(SyntheticFhir.ICD10, "E78.5", "Hyperlipidemia, unspecified");
  private static final Code LISINOPRIL = Code.of(SyntheticFhir.RXNORM, "29046", "lisinopril");
  private static final Code AMLODIPINE = Code.of(SyntheticFhir.RXNORM, "17767", "amlodipine");
  private static final Code METFORMIN = Code.of(SyntheticFhir.RXNORM, "6809", "metformin");
  private static final Code ATORVASTATIN = Code.of(SyntheticFhir.RXNORM, "83367", "atorvastatin");
  private static final Code INFLUENZA =
      Code.of(SyntheticFhir.CVX, "140", "Influenza, seasonal, injectable, preservative free");
  private static final Code TDAP = Code.of(SyntheticFhir.CVX, "115", "Tdap");
  private static final Code COLONOSCOPY = Code.of(SyntheticFhir.SNOMED, "73761001", "Colonoscopy");
  private static final Code HEART_RATE = Code.of(SyntheticFhir.LOINC, "8867-4", "Heart rate");
  private static final Code WEIGHT = Code.of(SyntheticFhir.LOINC, "29463-7", "Body weight");
  static final Code HEMOGLOBIN =
      Code.of(SyntheticFhir.LOINC, "718-7", "Hemoglobin [Mass/volume] in Blood");
  static final Code PLATELETS =
      Code.of(SyntheticFhir.LOINC, "777-3", "Platelets [#/volume] in Blood by Automated count");
  private static final Code EGFR =
      Code.of(
          SyntheticFhir.LOINC,
          "98979-8",
          "Glomerular filtration rate/1.73 sq M.predicted (CKD-EPI 2021)");
  private static final Code CLEARANCE =
      Code.of(
          SyntheticFhir.LOINC,
          "2164-2",
          "Creatinine renal clearance in 24 hour Urine and Serum or Plasma");
  private static final SerializedString[] VISITS = {
    SyntheticFiles.s("Outpatient visit"),
    SyntheticFiles.s("Follow-up visit"),
    SyntheticFiles.s("Annual check-up")
  };
  private static final SerializedString G_DL = SyntheticFiles.s("g/dL");
  private static final SerializedString PER_NANOLITRE = SyntheticFiles.s("10*9/L");
  private static final SerializedString EGFR_UNIT = SyntheticFiles.s("mL/min/{1.73_m2}");
  private static final SerializedString ML_MIN = SyntheticFiles.s("mL/min");
  private static final SerializedString PER_MINUTE = SyntheticFiles.s("/min");
  private static final SerializedString KG = SyntheticFiles.s("kg");
  private static final String[] ALLERGIES = {"Penicillin", "Peanut", "Latex", "Sulfonamide"};

  private SyntheticBackground() {}

  /** Writes the ordinary record; {@code diabetic} forces type 2 diabetes (diabetic neuropathy). */
  static void write(SyntheticFhir f, SplittableRandom r, boolean male, int age, boolean diabetic)
      throws IOException {
    int v = r.nextInt(100);
    int visits = v < 40 ? 1 : v < 75 ? 2 : 3;
    int[] ago = new int[visits];
    for (int i = 0; i < visits; i++) {
      ago[i] = r.nextInt(730);
    }
    java.util.Arrays.sort(ago);
    int weight = male ? 62 + r.nextInt(50) : 50 + r.nextInt(45);
    for (int i = visits - 1; i >= 0; i--) {
      SerializedString date = f.day(ago[i]);
      SerializedString encounter = f.encounter(date, VISITS[r.nextInt(VISITS.length)]);
      if (i == 0) {
        // the latest visit: blood pressure, weight and, mostly, the blood count and renal function
        f.bloodPressure(105 + r.nextInt(56), 62 + r.nextInt(34), date, encounter);
        vital(f, WEIGHT, weight, KG, date, encounter);
        if (r.nextInt(100) < 60) {
          labs(f, r, male, date, encounter);
        }
      } else if (r.nextBoolean()) {
        f.bloodPressure(105 + r.nextInt(56), 62 + r.nextInt(34), date, encounter);
      } else {
        vital(f, HEART_RATE, 55 + r.nextInt(46), PER_MINUTE, date, encounter);
      }
    }
    conditions(f, r, age, diabetic);
    if (r.nextInt(100) < 55) {
      f.immunization(INFLUENZA, f.day(r.nextInt(365)));
      if (r.nextBoolean()) {
        f.immunization(INFLUENZA, f.day(365 + r.nextInt(365)));
      }
    }
    if (r.nextInt(100) < 15) {
      f.immunization(TDAP, f.day(r.nextInt(3650)));
    }
    if (r.nextInt(100) < 10) {
      f.allergy(ALLERGIES[r.nextInt(ALLERGIES.length)], f.day(r.nextInt(3650)));
    }
    if (age >= 45 && r.nextInt(100) < 6) {
      SerializedString date = f.day(r.nextInt(3650));
      f.procedure(COLONOSCOPY, date);
    }
  }

  private static void vital(
      SyntheticFhir f,
      Code code,
      int value,
      SerializedString unit,
      SerializedString date,
      SerializedString encounter)
      throws IOException {
    f.quantity(code, true, value, unit, Double.NaN, Double.NaN, date, encounter, null);
  }

  /** Blood count and renal function: mostly in range, sometimes below or above. */
  private static void labs(
      SyntheticFhir f,
      SplittableRandom r,
      boolean male,
      SerializedString date,
      SerializedString encounter)
      throws IOException {
    int low = male ? 135 : 120;
    int high = male ? 175 : 160;
    int hb = r.nextInt(100) < 85 ? low + r.nextInt(high - low + 1) : low - 1 - r.nextInt(30);
    f.quantity(HEMOGLOBIN, false, hb / 10.0, G_DL, low / 10.0, high / 10.0, date, encounter, null);
    int p = r.nextInt(100);
    int platelets =
        p < 87 ? 150 + r.nextInt(251) : p < 95 ? 90 + r.nextInt(60) : 401 + r.nextInt(120);
    f.quantity(PLATELETS, false, platelets, PER_NANOLITRE, 150, 400, date, encounter, null);
    int egfr = r.nextInt(100) < 85 ? 60 + r.nextInt(51) : 25 + r.nextInt(35);
    f.quantity(EGFR, false, egfr, EGFR_UNIT, 60, Double.NaN, date, encounter, null);
    if (r.nextInt(100) < 20) {
      int clearance = r.nextInt(100) < 85 ? 60 + r.nextInt(61) : 30 + r.nextInt(30);
      f.quantity(CLEARANCE, false, clearance, ML_MIN, 60, Double.NaN, date, encounter, null);
    }
  }

  private static void conditions(SyntheticFhir f, SplittableRandom r, int age, boolean diabetic)
      throws IOException {
    int older = age >= 50 ? 2 : 1;
    if (r.nextInt(100) < 15 * older) {
      SerializedString onset = f.day(365 + r.nextInt(3650));
      f.commonCondition(HYPERTENSION_SCT, HYPERTENSION_ICD, onset);
      f.medicationRequest(r.nextBoolean() ? LISINOPRIL : AMLODIPINE, "active", "order", onset);
    }
    if (diabetic || r.nextInt(100) < 6 * older) {
      SerializedString onset = f.day(365 + r.nextInt(3650));
      f.commonCondition(DIABETES_SCT, DIABETES_ICD, onset);
      f.medicationRequest(METFORMIN, "active", "order", onset);
    }
    if (r.nextInt(100) < 12 * older) {
      SerializedString onset = f.day(365 + r.nextInt(3650));
      f.commonCondition(LIPIDS_SCT, LIPIDS_ICD, onset);
      f.medicationRequest(ATORVASTATIN, r.nextInt(5) == 0 ? "stopped" : "active", "order", onset);
    }
  }
}
