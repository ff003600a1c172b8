package org.pcdguide.bulk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counts of a screening run: patients, flagged and unreadable patients; patients per finding,
 * per disorder module assessed and per avoid entry hit; resources read and skipped per type; errors
 * per kind. Mergeable, so that runners can count in parallel; engine-independent.
 */
public final class ScreenSummary implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  long patients;
  long flagged;
  long unreadable;
  final TreeMap<String, Long> findings = new TreeMap<>();
  final TreeMap<String, Long> modules = new TreeMap<>();
  final TreeMap<String, Long> avoidHits = new TreeMap<>();
  final TreeMap<String, Long> read = new TreeMap<>();
  final TreeMap<String, Long> skipped = new TreeMap<>();
  final TreeMap<String, Long> errors = new TreeMap<>();

  /** Counts one classified line of the export. */
  public void line(ResourceLine l) {
    switch (l.kind()) {
      case READ -> read.merge(l.type(), 1L, Long::sum);
      case SKIPPED -> skipped.merge(l.type(), 1L, Long::sum);
      case ERROR -> errors.merge(l.errorKind(), 1L, Long::sum);
    }
  }

  /** Counts one file that is not named after a resource type. */
  public void otherFile() {
    error(BulkError.NOT_RESOURCE_FILE);
  }

  /** Counts one error of a file or line (a link not followed, a file broken off, a long line). */
  public void error(String kind) {
    errors.merge(kind, 1L, Long::sum);
  }

  /** Counts one screened patient. */
  public void patient(PatientResult r) {
    patients++;
    if (r.flagged()) {
      flagged++;
    }
    if (r.unreadable()) {
      unreadable++;
      errors.merge(BulkError.UNREADABLE_PATIENT, 1L, Long::sum);
    }
    r.findings().stream().distinct().forEach(f -> findings.merge(f, 1L, Long::sum));
    r.modules().forEach(m -> modules.merge(m, 1L, Long::sum));
    r.avoidHits().forEach(a -> avoidHits.merge(a, 1L, Long::sum));
    r.errors().stream()
        .filter(e -> e.kind().equals(BulkError.MALFORMED))
        .forEach(e -> errors.merge(e.kind(), 1L, Long::sum));
  }

  public ScreenSummary merge(ScreenSummary o) {
    patients += o.patients;
    flagged += o.flagged;
    unreadable += o.unreadable;
    merge(findings, o.findings);
    merge(modules, o.modules);
    merge(avoidHits, o.avoidHits);
    merge(read, o.read);
    merge(skipped, o.skipped);
    merge(errors, o.errors);
    return this;
  }

  private static void merge(Map<String, Long> into, Map<String, Long> from) {
    from.forEach((k, v) -> into.merge(k, v, Long::sum));
  }

  public long patients() {
    return patients;
  }

  public long flagged() {
    return flagged;
  }

  public Map<String, Long> findings() {
    return java.util.Collections.unmodifiableMap(findings);
  }

  public Map<String, Long> errors() {
    return java.util.Collections.unmodifiableMap(errors);
  }

  /** The summary file: counts plus the knowledge version and hash and the as-of date. */
  public String json(String knowledgeVersion, String knowledgeHash, String asOf) {
    ObjectNode n = JSON.createObjectNode();
    n.putObject("knowledge").put("version", knowledgeVersion).put("hash", knowledgeHash);
    n.put("asOf", asOf);
    n.put("patients", patients).put("flagged", flagged).put("unreadable", unreadable);
    put(n, "findings", findings);
    put(n, "disorderModules", modules);
    put(n, "avoidHits", avoidHits);
    put(n, "resourcesRead", read);
    put(n, "resourcesSkipped", skipped);
    put(n, "errors", errors);
    try {
      return JSON.writeValueAsString(n) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void put(ObjectNode n, String key, Map<String, Long> counts) {
    ObjectNode o = n.putObject(key);
    counts.forEach(o::put);
  }

  /** A small table for the end of a run: one line per count that is not zero. */
  public String table() {
    StringBuilder b = new StringBuilder();
    row(b, "patients screened", patients);
    row(b, "patients flagged", flagged);
    row(b, "patients unreadable", unreadable);
    findings.forEach((k, v) -> row(b, "finding " + k, v));
    modules.forEach((k, v) -> row(b, "assessed " + k.replace(".yaml", ""), v));
    avoidHits.forEach((k, v) -> row(b, "avoid hit " + k, v));
    errors.forEach((k, v) -> row(b, "errors " + k, v));
    return b.toString();
  }

  private static void row(StringBuilder b, String label, long n) {
    b.append(String.format(java.util.Locale.ROOT, "  %-52s %,12d%n", label, n));
  }
}
