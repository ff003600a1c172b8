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
}
