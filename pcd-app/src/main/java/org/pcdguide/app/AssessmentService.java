package org.pcdguide.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pcdguide.core.cases.CaseReader;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.engine.Assessment;
import org.pcdguide.core.engine.Engine;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.render.JsonReport;
import org.pcdguide.core.render.TextReport;
import org.pcdguide.fhir.FhirAssessmentWriter;
import org.pcdguide.fhir.HapiBundleCaseSource;
import org.pcdguide.fhir.JsonResourceCaseSource;
import org.pcdguide.fhir.Terminology;

/**
 * Read an input through the right door, decide the as-of date, assess and render: the one sequence
 * the command line, the REST API, CDS Hooks, the report page and audit replay share. "Today" is the
 * injected clock's date in the clock's zone, and nothing else; the clock is chosen once, where the
 * program is put together (the {@code pcd} command, the server's settings).
 */
public final class AssessmentService {
  private final KnowledgePack pack;
  private final Terminology terminology;
  private final Clock clock;
  private final JsonResourceCaseSource resourceDoor;

  public AssessmentService(KnowledgePack pack, Terminology terminology, Clock clock) {
    this.pack = pack;
    this.terminology = terminology;
    this.clock = clock;
    this.resourceDoor = new JsonResourceCaseSource(pack.vocabulary(), terminology);
  }

  public KnowledgePack pack() {
    return pack;
  }

  /** Today by this service's clock. */
  public AsOf today() {
    return AsOf.today(clock);
  }

  /**
   * Reads a case file or a FHIR Bundle and assesses it as of {@code given}, else the case file's
   * own date, else today; the door may throw {@link org.pcdguide.core.cases.CaseFormatException}
   * for bad data.
   */
  public Assessed assess(
      String name, byte[] content, InputFormat format, Optional<LocalDate> given) {
    boolean bundle =
        format == InputFormat.FHIR_BUNDLE || HapiBundleCaseSource.looksLikeFhir(content);
    PatientCase c =
        bundle
            ? new HapiBundleCaseSource(pack.vocabulary(), terminology).read(name, content, given)
            : new CaseReader(pack.vocabulary()).read(name, content, given);
    AsOf asOf = c.asOf().map(AsOf::given).orElseGet(this::today);
    return new Assessed(c, Engine.assess(c, pack, asOf.date()), asOf);
  }

  /**
   * Reads FHIR resources as JSON (prefetched by an EHR, draft orders among them) through the
   * lenient door the CDS Hooks services use, and assesses them as of {@code asOf}.
   */
  public Assessed assess(String name, List<JsonNode> resources, AsOf asOf) {
    PatientCase c = resourceDoor.read(name, resources, Optional.of(asOf.date()));
    return new Assessed(c, Engine.assess(c, pack, asOf.date()), asOf);
  }

  /** The agent each draft order names, by the order's resource id. */
  public Map<String, String> draftOrders(String name, List<JsonNode> orders) {
    return resourceDoor.orders(name, orders);
  }

  /** The report in {@code format}, by the existing renderers. */
  public String render(OutputFormat format, Assessed a) {
    Assessment assessment = a.assessment();
    return switch (format) {
      case FHIR -> new FhirAssessmentWriter(pack, terminology).json(assessment, a.patientCase());
      case MARKDOWN -> TextReport.render(assessment, pack, TextReport.Style.MARKDOWN);
      case TEXT -> TextReport.render(assessment, pack, TextReport.Style.TEXT);
      case JSON -> JsonReport.render(assessment, pack);
    };
  }

  /** The whole sequence for one input: read, date, assess, render. */
  public Report report(
      String name,
      byte[] content,
      InputFormat input,
      Optional<LocalDate> given,
      OutputFormat format) {
    Assessed a = assess(name, content, input, given);
    return new Report(format, render(format, a), a.asOf());
  }
}
