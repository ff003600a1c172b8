package org.pcdguide.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module rules of DESIGN.md: core sees no HAPI, HTTP, Spark or picocli; only the CLI prints.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          // pcd-testkit is test support (it prints skip notices), on the test classpath only
          .withImportOption(location -> !location.contains("/org/pcdguide/testkit/"))
          .importPackages("org.pcdguide");

  @Test
  void core_dependsOnNoHapiHttpSparkOrPicocli() {
    noClasses()
        .that()
        .resideInAPackage("org.pcdguide.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "ca.uhn..",
            "org.hl7..",
            "org.apache.spark..",
            "picocli..",
            "java.net.http..",
            "com.sun.net.httpserver..",
            "jakarta.servlet..",
            "javax.servlet..",
            "io.undertow..",
            "org.eclipse.jetty..",
            "io.javalin..",
            "org.pcdguide.cli..")
        .check(CLASSES);
  }

  @Test
  void onlyTheFhirModule_seesHapi() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.pcdguide.fhir..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("ca.uhn..", "org.hl7..")
        .check(CLASSES);
  }

  @Test
  void onlyTheServerModule_seesHttp() {
    noClasses()
        .that()
        .resideOutsideOfPackages("org.pcdguide.server..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..")
        .check(CLASSES);
  }

  @Test
  void onlyTheBulkModule_seesSpark() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.pcdguide.bulk..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.spark..", "org.apache.hadoop..", "scala..")
        .check(CLASSES);
  }

  /** The CLI, and the spark-submit entry point of the job jar (a cluster has no pcd command). */
  @Test
  void onlyTheCli_writesToStandardOutOrErr() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.pcdguide.cli..")
        .and()
        .doNotHaveFullyQualifiedName("org.pcdguide.bulk.SparkScreenJob")
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .check(CLASSES);
  }

  @Test
  void core_neverReadsTheClock() {
    noClasses()
        .that()
        .resideInAPackage("org.pcdguide.core..")
        .should()
        .callMethod(java.time.LocalDate.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .check(CLASSES);
  }

  /** The command line passes paths and URLs; only the server sees the JWT and crypto libraries. */
  @Test
  void onlyTheServerModule_seesTheJwtLibrary() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.pcdguide.server..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.nimbusds..", "org.bouncycastle..")
        .check(CLASSES);
  }

  /**
   * "Today" is read from the one injected clock ({@code AsOf.today}); the system clock is chosen
   * only where the program is put together: the {@code pcd} command and the server's settings.
   */
  @Test
  void onlyTheCompositionRoots_chooseTheSystemClock() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("org.pcdguide.cli.Pcd")
        .and()
        .doNotHaveFullyQualifiedName("org.pcdguide.server.PcdServer$Settings")
        .should()
        .callMethod(java.time.Clock.class, "systemUTC")
        .orShould()
        .callMethod(java.time.Clock.class, "systemDefaultZone")
        .orShould()
        .callMethod(java.time.LocalDate.class, "now")
        .orShould()
        .callMethod(java.time.LocalDate.class, "now", java.time.ZoneId.class)
        .orShould()
        .callMethod(java.time.Instant.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .check(CLASSES);
  }

  /** The assessment service sits above the core and the FHIR door, below the server and CLI. */
  @Test
  void theAssessmentService_dependsOnNoServerCliOrBulk() {
    noClasses()
        .that()
        .resideInAnyPackage("org.pcdguide.app..", "org.pcdguide.core..", "org.pcdguide.fhir..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.pcdguide.server..", "org.pcdguide.cli..", "org.pcdguide.bulk..")
        .check(CLASSES);
  }

  /**
   * The core packages form a layered graph: knowledge (the pack and its vocabulary) <- cases (read
   * against the vocabulary) <- facts (derived from a case and the pack) <- engine <- render. The
   * knowledge package checks conditions through the FactCatalog port instead of depending on facts.
   */
  @Test
  void corePackages_areFreeOfCycles() {
    com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
        .matching("org.pcdguide.core.(*)..")
        .should()
        .beFreeOfCycles()
        .check(CLASSES);
  }

  @Test
  void modules_areFreeOfCycles() {
    com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
        .matching("org.pcdguide.(*)..")
        .should()
        .beFreeOfCycles()
        .check(CLASSES);
  }

  /**
   * Issue 12: no production source file in core, fhir or server over 300 lines (small, typed
   * classes; a growing file is split by role, not by an arbitrary cut).
   */
  @Test
  void productionSources_ofCoreFhirAndServer_areAtMost300LinesEach() throws java.io.IOException {
    java.util.List<String> over = new java.util.ArrayList<>();
    for (String module : java.util.List.of("pcd-core", "pcd-fhir", "pcd-server")) {
      java.nio.file.Path src = java.nio.file.Path.of("..", module, "src", "main", "java");
      org.assertj.core.api.Assertions.assertThat(src).isDirectory();
      try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(src)) {
        for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          long lines = java.nio.file.Files.readAllLines(f).size();
          if (lines > 300) {
            over.add(src.relativize(f) + " (" + lines + " lines)");
          }
        }
      }
    }
    org.assertj.core.api.Assertions.assertThat(over).isEmpty();
  }
}
