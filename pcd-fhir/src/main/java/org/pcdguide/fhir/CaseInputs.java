package org.pcdguide.fhir;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.pcdguide.core.cases.CaseReader;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.engine.Assessment;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.render.JsonReport;
import org.pcdguide.core.render.TextReport;

/**
 * The one place that picks the door for an input (a FHIR Bundle, detected by content, or a case
 * file) and renders an assessment in a named format; used by the CLI, the server and audit replay.
 */
public final class CaseInputs {
  /** The report formats, by name. */
  public static final List<String> FORMATS = List.of("text", "markdown", "json", "fhir");

  private final KnowledgePack pack;
  private final Terminology terminology;

  public CaseInputs(KnowledgePack pack, Terminology terminology) {
    this.pack = pack;
    this.terminology = terminology;
  }

  /** Reads a case file or, when the content (or {@code fhir}) says so, a FHIR Bundle. */
  public PatientCase read(String name, byte[] content, Optional<LocalDate> asOf, boolean fhir) {
    return fhir || HapiBundleCaseSource.looksLikeFhir(content)
        ? new HapiBundleCaseSource(pack.vocabulary(), terminology).read(name, content, asOf)
        : new CaseReader(pack.vocabulary()).read(name, content, asOf);
  }

  /** Renders in one of {@link #FORMATS} (anything else is JSON). */
  public String render(String format, Assessment a, PatientCase c) {
    return switch (format) {
      case "fhir" -> new FhirAssessmentWriter(pack, terminology).json(a, c);
      case "markdown" -> TextReport.render(a, pack, TextReport.Style.MARKDOWN);
      case "text" -> TextReport.render(a, pack, TextReport.Style.TEXT);
      default -> JsonReport.render(a, pack);
    };
  }
}
