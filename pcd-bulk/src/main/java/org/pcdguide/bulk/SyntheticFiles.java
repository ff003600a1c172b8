package org.pcdguide.bulk;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The open NDJSON files of a synthetic export: one JsonGenerator per resource type and part, each
 * written to {@code *.tmp} and moved into place atomically when its part is done, so a reader never
 * sees a half-written file. A type's file is opened on its first resource, so no empty file is
 * written. On failure, {@link #abort()} closes everything and deletes the temporary files. Also the
 * JSON building blocks every resource shares (codings, quantities, references, ids), with their
 * strings pre-encoded: encoding strings is most of the cost of writing.
 */
final class SyntheticFiles implements Closeable {
  /** Resource types in file-name order; the index is the type's slot. */
  static final List<String> TYPES =
      List.of(
          "AllergyIntolerance",
          "Condition",
          "Encounter",
          "Immunization",
          "MedicationRequest",
          "MedicationStatement",
          "Observation",
          "Patient",
          "Procedure",
          "Specimen");

  static final int ALLERGY = 0;
  static final int CONDITION = 1;
  static final int ENCOUNTER = 2;
  static final int IMMUNIZATION = 3;
  static final int MEDICATION_REQUEST = 4;
  static final int MEDICATION_STATEMENT = 5;
  static final int OBSERVATION = 6;
  static final int PATIENT = 7;
  static final int PROCEDURE = 8;
  static final int SPECIMEN = 9;

  private static final int BUFFER = 256 * 1024;
  private static final SerializedString UCUM = s("http://unitsofmeasure.org");
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final JsonFactory JSON = new JsonFactory();
  private static final SerializedString[] TYPE_NAMES =
      TYPES.stream().map(SerializedString::new).toArray(SerializedString[]::new);

  private final Path dir;
  private final boolean gzip;
  private final JsonGenerator[] open = new JsonGenerator[TYPES.size()];
  private final Path[] temporary = new Path[TYPES.size()];
  private final long[] counts = new long[TYPES.size()];
  private final List<Path> written = new ArrayList<>();
  private int part;

  SyntheticFiles(Path dir, boolean gzip) {
    this.dir = dir;
    this.gzip = gzip;
  }

  /** Starts one resource of {@code type}: the caller writes its fields, then {@link #end}. */
  JsonGenerator start(int type) throws IOException {
    JsonGenerator g = open[type];
    if (g == null) {
      g = open(type);
    }
    counts[type]++;
    g.writeStartObject();
    string(g, "resourceType", TYPE_NAMES[type]);
    return g;
  }

  /** Ends the resource and its line. */
  static void end(JsonGenerator g) throws IOException {
    g.writeEndObject();
    g.writeRaw('\n');
  }

  /** Commits the open files of the current part; the next resources go to the next part. */
  void nextPart() throws IOException {
    commitAll();
    part++;
  }

  long count(int type) {
    return counts[type];
  }

  /** The resource files committed so far, in the order they were committed. */
  List<Path> written() {
    return written;
  }

  @Override
  public void close() throws IOException {
    commitAll();
  }

  /** Closes every open file without committing it and deletes its temporary file. */
  void abort() {
    for (int t = 0; t < open.length; t++) {
      if (open[t] != null) {
        try {
          open[t].close();
        } catch (IOException | RuntimeException e) {
          // already failing: the first error is the one reported
        }
        open[t] = null;
      }
      if (temporary[t] != null) {
        try {
          Files.deleteIfExists(temporary[t]);
        } catch (IOException e) {
          // a stray .tmp file is harmless and never read as a resource file
        }
        temporary[t] = null;
      }
    }
  }

  private JsonGenerator open(int type) throws IOException {
    Path tmp = dir.resolve(name(type) + ".tmp");
    temporary[type] = tmp;
    OutputStream out = Files.newOutputStream(tmp);
    try {
      if (gzip) {
        out = new FastGzip(new BufferedOutputStream(out, BUFFER));
      }
      out = new BufferedOutputStream(out, BUFFER);
      JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8);
      g.setRootValueSeparator(null);
      open[type] = g;
      return g;
    } catch (IOException | RuntimeException e) {
      out.close();
      throw e;
    }
  }

  private void commitAll() throws IOException {
    for (int t = 0; t < open.length; t++) {
      if (open[t] != null) {
        open[t].close();
        open[t] = null;
        Path target = dir.resolve(name(t));
        Files.move(temporary[t], target, StandardCopyOption.ATOMIC_MOVE);
        temporary[t] = null;
        written.add(target);
      }
    }
  }

  private String name(int type) {
    return String.format("%s.%03d.ndjson%s", TYPES.get(type), part, gzip ? ".gz" : "");
  }

  /**
   * gzip at the fastest level: an export of a million patients is gigabytes of text. The header
   * carries no time stamp, so the same input gives the same bytes.
   */
  private static final class FastGzip extends GZIPOutputStream {
    FastGzip(OutputStream out) throws IOException {
      super(out, 64 * 1024);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }

  // ---- the JSON building blocks every resource shares; values pre-encoded (SerializedString)

  /** A coding, pre-encoded; {@code display} may be empty. */
  record Code(SerializedString system, SerializedString code, SerializedString display) {
    static Code of(String system, String code, String display) {
      return new Code(s(system), s(code), s(display));
    }

    static Code local(String concept) {
      return of(SyntheticFhir.PCD, concept, "");
    }
  }

  /** A field with a pre-encoded string value. */
  static void string(JsonGenerator g, String field, SerializedString value) throws IOException {
    g.writeFieldName(field);
    g.writeString(value);
  }

  static void period(JsonGenerator g, String field, SerializedString start, SerializedString end)
      throws IOException {
    g.writeObjectFieldStart(field);
    string(g, "start", start);
    string(g, "end", end);
    g.writeEndObject();
  }

  static void reference(JsonGenerator g, String field, SerializedString target) throws IOException {
    g.writeObjectFieldStart(field);
    string(g, "reference", target);
    g.writeEndObject();
  }

  static void codeable(JsonGenerator g, Code c) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("coding");
    coding(g, c);
    g.writeEndArray();
    g.writeEndObject();
  }

  static void coding(JsonGenerator g, Code c) throws IOException {
    g.writeStartObject();
    string(g, "system", c.system());
    string(g, "code", c.code());
    if (c.display().charLength() > 0) {
      string(g, "display", c.display());
    }
    g.writeEndObject();
  }

  static void ucum(JsonGenerator g, double value, SerializedString unit) throws IOException {
    g.writeStartObject();
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      g.writeNumberField("value", (long) value);
    } else {
      g.writeNumberField("value", value);
    }
    string(g, "unit", unit);
    string(g, "system", UCUM);
    string(g, "code", unit);
    g.writeEndObject();
  }

  static SerializedString s(String text) {
    return new SerializedString(text);
  }

  /** The splitmix64 finalizer: a bijection of the 64-bit values. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** 8-4-4-4-12 lowercase hex of two longs. */
  static String uuid(long hi, long lo) {
    char[] c = new char[36];
    uuid(hi, lo, c);
    return new String(c);
  }

  static void uuid(long hi, long lo, char[] c) {
    int p = 0;
    for (int i = 60; i >= 0; i -= 4) {
      if (p == 8 || p == 13) {
        c[p++] = '-';
      }
      c[p++] = HEX[(int) (hi >>> i) & 0xF];
    }
    for (int i = 60; i >= 0; i -= 4) {
      if (p == 18 || p == 23) {
        c[p++] = '-';
      }
      c[p++] = HEX[(int) (lo >>> i) & 0xF];
    }
  }

  /** Writes {@code text} to {@code target} through a temporary file and an atomic move. */
  static void writeAtomically(Path target, byte[] text) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try {
      Files.write(tmp, text);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }
}
