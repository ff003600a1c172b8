package org.pcdguide.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pcdguide.core.cases.CaseFormatException;
import org.pcdguide.core.cases.Lab;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.cases.Problem;

/**
 * The JSON door gives the Bundle door's case for the same resources, reports every malformed value
 * it reads as a problem naming the field and the value, and reads real senders' quirks in fields it
 * does not use.
 */
class JsonResourceCaseSourceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper QUOTES =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();
  private static final Path EXTERNAL = Path.of("../test-data/external");
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
  private static final String LOCAL = BundleRoundTripTest.TERMINOLOGY.local();
  private static final JsonResourceCaseSource DOOR =
      new JsonResourceCaseSource(
          BundleRoundTripTest.PACK.vocabulary(), BundleRoundTripTest.TERMINOLOGY);
  private static final HapiBundleCaseSource BUNDLES =
      new HapiBundleCaseSource(
          BundleRoundTripTest.PACK.vocabulary(), BundleRoundTripTest.TERMINOLOGY);

  static Stream<Path> cases() throws IOException {
    return BundleRoundTripTest.cases();
  }

  /** The resources of a Bundle's entries, parsed by a plain ObjectMapper as a caller would. */
  static List<JsonNode> resources(String bundle) throws IOException {
    List<JsonNode> resources = new ArrayList<>();
    JSON.readTree(bundle).path("entry").forEach(e -> resources.add(e.path("resource")));
    return resources;
  }

  static PatientCase withId(PatientCase c, String id) {
    return new PatientCase(
        id,
        c.asOf(),
        c.patient(),
        c.diagnosis(),
        c.findings(),
        c.clonality(),
        c.labs(),
        c.history(),
        c.proposed(),
        c.notes());
  }

  private static JsonNode json(String singleQuoted) {
    try {
      return QUOTES.readTree(singleQuoted.replace("LOCAL", LOCAL));
    } catch (IOException e) {
      throw new IllegalArgumentException(singleQuoted, e);
    }
  }

  private static JsonNode observation(String id, String system, String code, String fields) {
    return json(
        "{'resourceType':'Observation','id':'"
            + id
            + "','status':'final','code':{'coding':[{'system':'"
            + system
            + "','code':'"
            + code
            + "'}]}"
            + (fields.isEmpty() ? "" : "," + fields)
            + "}");
  }

  private static JsonNode hemoglobin(String id, String fields) {
    return observation(id, "http://loinc.org", "718-7", fields);
  }

  private static List<Problem> problems(List<JsonNode> resources) {
    CaseFormatException e =
        catchThrowableOfType(
            CaseFormatException.class, () -> DOOR.read("r.json", resources, Optional.of(AS_OF)));
    assertThat(e).as("a CaseFormatException").isNotNull();
    return e.problems();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void read_everyAcceptanceBundle_givesTheBundleDoorsCase(Path file) throws IOException {
    Optional<PatientCase> fromFile = BundleRoundTripTest.caseOf(file);
    if (fromFile.isEmpty()) {
      return;
    }
    String bundle =
        CaseBundles.json(
            fromFile.get(), BundleRoundTripTest.PACK.vocabulary(), BundleRoundTripTest.TERMINOLOGY);
    byte[] bytes = bundle.getBytes(StandardCharsets.UTF_8);
    PatientCase viaBundle = BUNDLES.read("bundle.json", bytes, Optional.empty());
    // Resources alone have no Bundle.id (the Bundle door's case id) and no Bundle.timestamp: the
    // JSON door's case id is "", so the ids are normalised, and it is given the same asOf.
    PatientCase viaResources = DOOR.read("resources", resources(bundle), viaBundle.asOf());
    assertThat(viaResources).isEqualTo(withId(viaBundle, ""));
    assertThat(DOOR.orders("resources", resources(bundle)))
        .isEqualTo(BUNDLES.orders("bundle.json", bytes));
  }

  @Test
  void read_malformedValuesInReadFields_areAllReportedWithFieldAndValue() {
    List<JsonNode> resources =
        List.of(
            json("{'resourceType':'Patient','id':'p','gender':'femme','birthDate':'1965-02-30'}"),
            hemoglobin(
                "o1",
                "'valueQuantity':{'value':10,'code':'g/dL'},'effectiveDateTime':'2020-13-45'"),
            hemoglobin("o2", "'valueQuantity':{'value':'abc','code':'g/dL'}"),
            observation("o3", LOCAL, "obs:transplant-eligible", "'valueBoolean':'yes'"),
            json(
                "{'resourceType':'Observation','id':'o4','status':'done','code':{'coding':"
                    + "[{'system':'http://loinc.org','code':'718-7'}]}}"),
            json(
                "{'resourceType':'MedicationStatement','id':'m1','status':'completed',"
                    + "'medicationCodeableConcept':{'coding':[{'system':'LOCAL','code':'agent:melphalan'}]},"
                    + "'effectivePeriod':{'start':'2020-1-1'}}"),
            json(
                "{'resourceType':'Procedure','id':'x1','status':'completed',"
                    + "'code':{'coding':[{'system':'LOCAL','code':'agent:radiotherapy'}]},"
                    + "'performedDateTime':'yesterday'}"),
            json(
                "{'resourceType':'Condition','id':'c1','code':{'coding':[{'system':'LOCAL',"
                    + "'code':'finding:sclerotic-bone-lesions'}]},'extension':[{'url':"
                    + "'https://fhir.pcdguide.org/StructureDefinition/finding-detail-count',"
                    + "'valueInteger':'three'}]}"));
    assertThat(problems(resources))
        .containsExactly(
            new Problem(
                "Observation/o1.effectiveDateTime",
                "'2020-13-45' is not a valid date or dateTime"
                    + " (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss+zz:zz)"),
            new Problem(
                "Observation/o2.valueQuantity.value", "'abc' is not a finite decimal number"),
            new Problem("Observation/o3.valueBoolean", "'yes' is not a boolean (true or false)"),
            new Problem(
                "Observation/o4.status",
                "'done' is not a valid code (registered, preliminary, final, amended, corrected,"
                    + " cancelled, entered-in-error, unknown)"),
            new Problem(
                "MedicationStatement/m1.effectivePeriod.start",
                "'2020-1-1' is not a valid date or dateTime"
                    + " (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss+zz:zz)"),
            new Problem(
                "Procedure/x1.performedDateTime",
                "'yesterday' is not a valid date or dateTime"
                    + " (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss+zz:zz)"),
            new Problem("Condition/c1.extension[count]", "'three' is not a valid integer value []"),
            // the Patient is mapped last, when every resource has been read
            new Problem(
                "Patient/p.gender", "'femme' is not a valid code (male, female, other, unknown)"),
            new Problem(
                "Patient/p.birthDate",
                "'1965-02-30' is not a valid date or dateTime"
                    + " (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss+zz:zz)"));
  }

  @Test
  void read_valuesOutOfRangeAndStatusesOfOrders_areProblems() {
    List<Problem> problems =
        problems(
            List.of(
                hemoglobin("o1", "'valueQuantity':{'value':1e999,'code':'g/dL'}"),
                json(
                    "{'resourceType':'MedicationRequest','id':'rx','status':'drafted',"
                        + "'intent':'order'}"),
                json(
                    "{'resourceType':'MedicationRequest','id':'rx2','status':'draft',"
                        + "'intent':'suggestion'}")));
    assertThat(problems)
        .extracting(Problem::path)
        .containsExactly(
            "Observation/o1.valueQuantity.value",
            "MedicationRequest/rx.status",
            "MedicationRequest/rx2.intent");
    assertThat(problems.get(1).message()).startsWith("'drafted' is not a valid code (active,");
  }

  @Test
  void readAndOrders_resourcesThatAreNotR4_areProblems() {
    List<JsonNode> resources =
        List.of(
            json("[1]"),
            json("{'id':'x'}"),
            json("{'resourceType':'MedicationOrder','id':'mo'}"),
            json("{'resourceType':'Patient','id':'p'}"));
    assertThat(problems(resources))
        .containsExactly(
            new Problem("resources[0]", "not a FHIR resource (a JSON object with a resourceType)"),
            new Problem("resources[1].resourceType", "missing: not a FHIR resource"),
            new Problem(
                "resources[2].resourceType",
                "'MedicationOrder' is not a FHIR R4 resource type (an older FHIR version?)"));
    assertThat(
            catchThrowableOfType(CaseFormatException.class, () -> DOOR.orders("o.json", resources)))
        .isNotNull();
  }

  @Test
  void read_partialDatesAndZones_giveTheDatesHapiGave() {
    PatientCase c =
        DOOR.read(
            "r.json",
            List.of(
                json("{'resourceType':'Patient','id':'p','birthDate':'1965'}"),
                hemoglobin(
                    "a", "'valueQuantity':{'value':9,'code':'g/dL'},'effectiveDateTime':'2019'"),
                hemoglobin("b", "'valueQuantity':{'value':10,'code':'g/dL'},'issued':'2019-04'"),
                hemoglobin(
                    "c",
                    "'valueQuantity':{'value':11,'code':'g/dL'},"
                        + "'effectiveDateTime':'2026-10-01T23:30:00-05:00'"),
                hemoglobin(
                    "d",
                    "'valueQuantity':{'value':12,'code':'g/dL'},"
                        + "'effectivePeriod':{'start':'2026-10-05T10:00:00'}")),
            Optional.of(AS_OF));
    assertThat(c.patient().age()).contains(61);
    assertThat(c.labs())
        .extracting(l -> l.date().orElseThrow())
        .containsExactly(
            LocalDate.of(2019, 1, 1),
            LocalDate.of(2019, 4, 1),
            LocalDate.of(2026, 10, 2), // the UTC date of the instant, as HAPI's Date gave it
            LocalDate.of(2026, 10, 5));
  }

  @Test
  void read_whatHapisParserAccepted_isAccepted() {
    PatientCase c =
        DOOR.read(
            "r.json",
            List.of(
                hemoglobin("a", "'valueQuantity':{'value':'9.5','code':' g/dL '}"),
                observation("t", LOCAL, "obs:transplant-eligible", "'valueBoolean':'true'"),
                json(
                    "{'resourceType':'Observation','id':'b','status':'final','code':{'coding':"
                        + "{'system':'http://loinc.org','code':'718-7'}},'valueQuantity':[{'value':8,"
                        + "'code':'g/dL'}]}")),
            Optional.of(AS_OF));
    assertThat(c.labs()).extracting(Lab::value).containsExactly(8.0, 9.5);
    assertThat(c.patient().transplantEligible()).contains(true);
  }

  @Test
  void read_quirksInFieldsItDoesNotRead_areAccepted() {
    String longId = "ez067mnwOAKP5z1.YJwRAsd9gCwdOzQ8wSrsM04QFoz882hxQZKBulF4smVj2Sx".repeat(3);
    PatientCase c =
        DOOR.read(
            "r.json",
            List.of(
                json(
                    "{'resourceType':'Patient','id':'p\u2011\u00e9','gender':'female',"
                        + "'birthDate':'1970-05-01','foo':{'bar':[1,2]},'deceasedDateTime':'soon'}"),
                observation("bp", "http://loinc.org", "85354-9", "'effectiveDateTime':'never'"),
                json(
                    "{'resourceType':'Encounter','id':'"
                        + longId
                        + "','period':"
                        + "{'end':'2019-08-10T09:10:00:00-06:00'},'status':'whatever'}"),
                hemoglobin(
                    longId,
                    "'valueQuantity':{'value':9,'code':'g/dL'},"
                        + "'referenceRange':[{'text':'n/a','age':{'low':{'value':'x'}}}]")),
            Optional.of(AS_OF));
    assertThat(c.patient().age()).contains(56);
    assertThat(c.labs()).singleElement().satisfies(l -> assertThat(l.value()).isEqualTo(9.0));
    assertThat(c.notes()).isEmpty();
  }

  @Test
  void read_fromManyThreads_givesTheSameCase() throws IOException {
    List<JsonNode> resources =
        resources(Files.readString(Path.of("../examples/poems-disseminated.fhir.json")));
    PatientCase one = DOOR.read("poems", resources, Optional.of(AS_OF));
    assertThat(
            IntStream.range(0, 200)
                .parallel()
                .mapToObj(i -> DOOR.read("poems", resources, Optional.of(AS_OF)))
                .distinct()
                .toList())
        .containsExactly(one);
  }

  @Test
  void syntheaTransactionBundles_mapAsBeforeTheRewrite() throws IOException {
    // the Bundle door's reading of these files before the JSON mapping (HAPI model), pinned
    Map<String, String> before =
        Map.of(
            "Chiquita_Little",
            "67 female, egfr 2014-08-22 77.672 mL/min, egfr 2015-09-12 73.22 mL/min,"
                + " egfr 2016-09-11 71.628 mL/min, egfr 2017-09-11 80.576 mL/min,"
                + " egfr 2018-09-11 77.542 mL/min, egfr 2019-09-11 75.46 mL/min,"
                + " hemoglobin 2011-08-05 16.689 g/dL, hemoglobin 2016-09-02 15.907 g/dL,"
                + " platelets 2011-08-05 358.25 10*3/uL, platelets 2016-09-02 174.82 10*3/uL,"
                + " 11 notes",
            "Fannie_Waelchi",
            "6 female, hemoglobin 2020-04-29 17.393 g/dL, platelets 2020-04-29 293.95 10*3/uL,"
                + " 0 notes",
            "Sherman_Green",
            "35 male, hemoglobin 2013-05-19 10.814 g/dL, hemoglobin 2013-05-19 14.516 g/dL,"
                + " hemoglobin 2019-05-26 14.932 g/dL, platelets 2013-05-19 281.18 10*3/uL,"
                + " platelets 2013-05-19 442.93 10*3/uL, platelets 2019-05-26 341.91 10*3/uL,"
                + " 4 notes");
    try (var files = Files.list(EXTERNAL.resolve("smart-on-fhir-bulk-data-server"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        String name = f.getFileName().toString();
        String bundle = Files.readString(f);
        PatientCase viaBundle =
            BUNDLES.read(name, bundle.getBytes(StandardCharsets.UTF_8), Optional.of(AS_OF));
        PatientCase viaResources = DOOR.read(name, resources(bundle), Optional.of(AS_OF));
        assertThat(summary(viaBundle))
            .as(name)
            .isEqualTo(before.get(name.substring(0, name.indexOf('_', name.indexOf('_') + 1))));
        // The Bundle door names a transaction entry by its "urn:uuid:" fullUrl, as HAPI did;
        // resources alone have no fullUrl.
        assertThat(viaResources).as(name).isEqualTo(withoutUrnIds(viaBundle));
      }
    }
  }

  private static String summary(PatientCase c) {
    StringBuilder s = new StringBuilder();
    s.append(c.patient().age().orElseThrow()).append(' ').append(c.patient().sex());
    for (Lab l : c.labs()) {
      s.append(", ").append(l.test()).append(' ').append(l.date().orElseThrow());
      s.append(' ').append(l.statedValue()).append(' ').append(l.statedUnit());
    }
    return s.append(", ").append(c.notes().size()).append(" notes").toString();
  }

  private static PatientCase withoutUrnIds(PatientCase c) {
    List<Problem> notes =
        c.notes().stream()
            .map(p -> new Problem(p.path().replace("/urn:uuid:", "/"), p.message(), p.kind()))
            .toList();
    return new PatientCase(
        c.id(),
        c.asOf(),
        c.patient(),
        c.diagnosis(),
        c.findings(),
        c.clonality(),
        c.labs(),
        c.history(),
        c.proposed(),
        notes);
  }

  @Test
  void dstu2DraftOrders_fromTheHookLibrary_areRejectedAsNotR4() throws IOException {
    JsonNode context =
        JSON.readTree(
            EXTERNAL
                .resolve("HL7-cds-hooks-library/1.0.1/order-select-context-dstu2.json")
                .toFile());
    List<JsonNode> orders = new ArrayList<>();
    context.at("/context/draftOrders/entry").forEach(e -> orders.add(e.path("resource")));
    CaseFormatException e =
        catchThrowableOfType(CaseFormatException.class, () -> DOOR.orders("draftOrders", orders));
    assertThat(e).hasMessageContaining("'MedicationOrder' is not a FHIR R4 resource type");
  }

  @Test
  void specExamplesWithQuirks_idsOf200CharactersNonAsciiIdsMalformedUnreadDates_areRead()
      throws IOException {
    for (String file :
        List.of(
            "HL7-cds-hooks/3.0.0-ballot/request-context-fragment-order-sign-epic-style.json",
            "HL7-cds-hooks/3.0.0-ballot/request-order-sign-paginated-prefetch.json",
            "HL7-cds-hooks-library/1.0.1/appointment-book-context-stu3.json")) {
      List<JsonNode> resources = new ArrayList<>();
      collect(JSON.readTree(EXTERNAL.resolve(file).toFile()), resources);
      assertThat(resources).as(file).isNotEmpty();
      PatientCase c = DOOR.read(file, resources, Optional.of(AS_OF));
      assertThat(c.proposed()).as(file).isEmpty();
      for (JsonNode r : resources) {
        if (r.path("resourceType").asText().equals("MedicationRequest")) {
          String path = "MedicationRequest/" + r.path("id").asText() + ".medication";
          assertThat(c.notes()).as(file).extracting(Problem::path).contains(path);
        }
      }
      assertThat(DOOR.orders(file, resources)).as(file).isEmpty();
    }
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node.path("resourceType").isTextual()
        && !node.path("resourceType").asText().equals("Bundle")) {
      out.add(node);
    } else {
      node.forEach(child -> collect(child, out));
    }
  }
}
