package org.pcdguide.core.facts;

import org.pcdguide.core.TestPack;
import org.pcdguide.core.cases.PatientCase;

/** Derives one fact for a case body written as YAML (without the pcd-case header). */
final class Facts {
  private Facts() {}

  static FactValue of(String fact, String body) {
    PatientCase c = TestPack.read("pcd-case: 1\n" + body);
    return new FactContext(c, TestPack.PACK, c.asOf().orElse(TestPack.AS_OF)).fact(fact);
  }

  static String missing(FactValue v) {
    return ((FactValue.Unknown) v).missing().get(0).finding();
  }
}
