package org.pcdguide.core.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pcdguide.core.knowledge.Vocabulary;

/**
 * Reads a case file (YAML or JSON, format {@code pcd-case: 1}) into a {@link PatientCase}. Every
 * problem is collected with its path and value and reported at once in one {@link
 * CaseFormatException}; nothing else escapes.
 */
public final class CaseReader {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final int MAX_BYTES = 4 * 1024 * 1024;

  private final Vocabulary vocabulary;

  public CaseReader(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /**
   * Parses {@code content}; {@code asOfOverride} (the command line's {@code --as-of}) replaces the
   * file's {@code as-of} when present.
   */
  public PatientCase read(String name, byte[] content, Optional<LocalDate> asOfOverride) {
    if (content.length > MAX_BYTES) {
      throw new CaseFormatException(
          name,
          List.of(
              new Problem("", "file is " + content.length + " bytes; the limit is " + MAX_BYTES)));
    }
    JsonNode root = parse(name, content);
    CaseFields fields = new CaseFields(vocabulary, new ArrayList<>());
    Optional<PatientCase> patientCase = fields.patientCase(root, asOfOverride);
    if (!fields.problems().isEmpty() || patientCase.isEmpty()) {
      throw new CaseFormatException(name, fields.problems());
    }
    return patientCase.get();
  }

  private static JsonNode parse(String name, byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    boolean json = text.stripLeading().startsWith("{");
    try {
      JsonNode node = (json ? JSON : YAML).readTree(text);
      if (node == null || node.isMissingNode() || node.isNull()) {
        throw CaseFormatException.malformed(name, new Problem("", "the file is empty"));
      }
      return node;
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw CaseFormatException.malformed(
          name,
          new Problem(
              where,
              "not valid " + (json ? "JSON" : "YAML") + ": " + firstLine(e.getOriginalMessage())));
    } catch (CaseFormatException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw CaseFormatException.malformed(
          name,
          new Problem(
              "",
              "not valid "
                  + (json ? "JSON" : "YAML")
                  + ": "
                  + firstLine(String.valueOf(e.getMessage()))));
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable content";
    }
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
