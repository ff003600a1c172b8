package org.pcdguide.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.engine.Assessment;
import org.pcdguide.core.engine.Engine;

/**
 * The FHIR output of every acceptance case passes HAPI's offline instance validator (R4 core
 * profiles) with zero errors. Warnings (unknown code systems offline) are collected and printed.
 */
class FhirOutputValidationTest {
  private static final FhirValidator VALIDATOR = validator();
  private static final Set<String> WARNINGS = new TreeSet<>();
  private static final FhirAssessmentWriter WRITER =
      new FhirAssessmentWriter(BundleRoundTripTest.PACK, BundleRoundTripTest.TERMINOLOGY);

  private static FhirValidator validator() {
    var ctx = HapiBundleCaseSource.context();
    ValidationSupportChain chain =
        new ValidationSupportChain(
            new DefaultProfileValidationSupport(ctx),
            new InMemoryTerminologyServerValidationSupport(ctx),
            new CommonCodeSystemsTerminologyService(ctx),
            new SnapshotGeneratingValidationSupport(ctx));
    FhirInstanceValidator instance = new FhirInstanceValidator(chain);
    instance.setAnyExtensionsAllowed(true);
    FhirValidator v = ctx.newValidator();
    v.registerValidatorModule(instance);
    return v;
  }

  static Stream<Path> cases() throws IOException {
    return BundleRoundTripTest.cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void fhirOutput_validatesWithZeroErrors(Path file) throws IOException {
    Optional<PatientCase> c = BundleRoundTripTest.caseOf(file);
    if (c.isEmpty()) {
      return;
    }
    Assessment a = Engine.assess(c.get(), BundleRoundTripTest.PACK, c.get().asOf().orElseThrow());
    ValidationResult result = VALIDATOR.validateWithResult(WRITER.bundle(a, c.get()));
    List<String> errors =
        result.getMessages().stream()
            .filter(
                m ->
                    m.getSeverity() == ResultSeverityEnum.ERROR
                        || m.getSeverity() == ResultSeverityEnum.FATAL)
            .map(m -> m.getLocationString() + ": " + m.getMessage())
            .toList();
    assertThat(errors).as("validator errors").isEmpty();
    for (SingleValidationMessage m : result.getMessages()) {
      if (m.getSeverity() == ResultSeverityEnum.WARNING) {
        WARNINGS.add(
            m.getMessage()
                .replaceAll(" for '[^']*'", "")
                .replaceAll("\\d{4}-\\d{2}-\\d{2}", "DATE"));
      }
    }
  }

  @AfterAll
  static void printWarnings() {
    System.out.println("FHIR validator warnings (distinct): " + WARNINGS.size());
    WARNINGS.forEach(w -> System.out.println("  " + w));
  }
}
