package org.pcdguide.bench;

/** The benchmark cases, one per disorder module. */
final class Cases {
  private Cases() {}

  static final String POEMS =
      """
      pcd-case: 1
      id: poems-disseminated-neuropathy
      as-of: 2026-11-01
      patient: {age: 58, sex: female, transplant-eligible: true}
      diagnosis: poems-syndrome
      findings:
        peripheral-neuropathy: {present: true, severity: moderate, preexisting: true}
        sclerotic-bone-lesions: {present: true, pattern: diffuse}
        bone-marrow-involvement: true
        endocrinopathy: {present: true, kinds: [gonadal, adrenal]}
        organomegaly: true
        extravascular-volume-overload: false
      clonality:
        m-protein: {present: true, heavy-chain: IgA, light-chain: lambda}
      labs:
        - {test: vegf-plasma, value: 1850, unit: pg/mL, date: 2026-10-20}
        - {test: hemoglobin, value: 101, unit: g/L, date: 2026-10-20, reference-range: {low: 120, high: 160}}
        - {test: platelets, value: 455, unit: 10*9/L, date: 2026-10-20, reference-range: {low: 150, high: 400}}
      history:
        therapies: []
      proposed: [thalidomide]
      """;

  static final String PLASMACYTOSIS =
      """
      pcd-case: 1
      id: systemic-plasmacytosis
      as-of: 2026-11-01
      patient: {age: 52, sex: male}
      diagnosis: systemic-plasmacytosis
      findings:
        skin-lesions: {present: true, type: plaques, distribution: widespread}
        lymphadenopathy: true
        renal-impairment: true
      clonality:
        m-protein: false
        plasma-cell-ihc: {kappa: true, lambda: true}
        polyclonal-hypergammaglobulinemia: true
      labs:
        - {test: il-6-serum, value: 48, unit: pg/mL, reference-range: {high: 7}}
      history:
        therapies:
          - {therapy: melphalan-prednisone, response: refractory}
      proposed: [thalidomide]
      """;

  static final String SCLEROMYXEDEMA =
      """
      pcd-case: 1
      id: scleromyxedema-dns
      as-of: 2026-11-01
      patient: {age: 61, sex: female}
      diagnosis: scleromyxedema
      findings:
        papular-eruption: true
        scleromyxedema-histology: true
        thyroid-disease: false
        sclerodermoid-features: true
        dermato-neuro-syndrome: true
        cardiac-involvement: false
      clonality:
        m-protein: {present: true, heavy-chain: IgG, light-chain: lambda}
      history:
        therapies:
          - {therapy: ivig-high-dose, response: partial}
      """;

  static final String MYELOMA_EMP =
      """
      pcd-case: 1
      id: myeloma-soft-tissue-plasmacytoma
      as-of: 2026-11-01
      patient: {age: 57, sex: male, transplant-eligible: true}
      diagnosis: multiple-myeloma
      findings:
        extramedullary-plasmacytoma: {present: true, site: soft-tissue, timing: diagnosis}
        plasmablastic-morphology: true
        cd56-expression: false
      clonality:
        m-protein: {present: true, heavy-chain: IgG, light-chain: kappa}
      history:
        therapies: []
      proposed: [thalidomide]
      """;
}
