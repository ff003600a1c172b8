package org.pcdguide.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pcdguide.core.cases.CaseReader;
import org.pcdguide.core.cases.PatientCase;

/**
 * examples/poems-disseminated.fhir.json is the README example as a FHIR Bundle, generated from the
 * case file; regenerate with {@code -Dgolden.update=true}.
 */
class ExampleBundleTest {
  @Test
  void exampleBundle_isTheGeneratedBundleOfTheExampleCase() throws IOException {
    Path yaml = Path.of("../examples/poems-disseminated.yaml");
    Path json = Path.of("../examples/poems-disseminated.fhir.json");
    PatientCase c =
        new CaseReader(BundleRoundTripTest.PACK.vocabulary())
            .read(yaml.toString(), Files.readAllBytes(yaml), Optional.empty());
    String bundle =
        CaseBundles.json(c, BundleRoundTripTest.PACK.vocabulary(), BundleRoundTripTest.TERMINOLOGY)
            + "\n";
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(json, bundle, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(json, StandardCharsets.UTF_8)).isEqualTo(bundle);
  }
}
