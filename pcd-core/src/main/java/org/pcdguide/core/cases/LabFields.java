package org.pcdguide.core.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pcdguide.core.knowledge.Vocabulary.LabDef;

/**
 * Reads {@code labs}: value + UCUM unit + optional date and reference range, converted at the door.
 */
record LabFields(CaseFields fields) {

  List<Lab> labs(JsonNode node, Optional<LocalDate> asOf) {
    List<Lab> labs = new ArrayList<>();
    if (node == null || node.isNull()) {
      return labs;
    }
    if (!node.isArray()) {
      fields.problem(
          "labs", "must be a list of {test, value, unit, date}, was " + CaseFields.kind(node));
      return labs;
    }
    for (int i = 0; i < node.size(); i++) {
      lab(node.get(i), "labs[" + i + "]", asOf).ifPresent(labs::add);
    }
    return labs;
  }

  private Optional<Lab> lab(JsonNode n, String path, Optional<LocalDate> asOf) {
    if (!fields.map(n, path)) {
      return Optional.empty();
    }
    fields.keys(n, path, Set.of("test", "value", "unit", "date", "reference-range"));
    Optional<String> test = fields.text(n, "test", path + ".test");
    if (test.isEmpty()) {
      fields.problem(path + ".test", "is required; see 'pcd vocabulary' for lab ids");
      return Optional.empty();
    }
    LabDef def = fields.vocabulary().labs().get(test.get());
    if (def == null) {
      fields.problem(
          path + ".test", "'" + test.get() + "' is not a known lab; see 'pcd vocabulary'");
      return Optional.empty();
    }
    Optional<String> unit = fields.text(n, "unit", path + ".unit");
    if (unit.isEmpty()) {
      fields.problem(path + ".unit", "is required (a UCUM unit such as " + def.unit() + ")");
    }
    Optional<Double> value = number(n, "value", path + ".value", true);
    Optional<LocalDate> date = fields.date(n, "date", path + ".date");
    fields.notAfter(date, asOf, path + ".date");
    Optional<Double> low = Optional.empty();
    Optional<Double> high = Optional.empty();
    JsonNode range = n.get("reference-range");
    boolean rangeOk = true;
    if (range != null && !range.isNull() && fields.map(range, path + ".reference-range")) {
      fields.keys(range, path + ".reference-range", Set.of("low", "high"));
      low = number(range, "low", path + ".reference-range.low", false);
      high = number(range, "high", path + ".reference-range.high", false);
      if (low.isEmpty() && high.isEmpty()) {
        fields.problem(path + ".reference-range", "needs low, high or both");
        rangeOk = false;
      }
      if (low.isPresent() && high.isPresent() && low.get() >= high.get()) {
        fields.problem(
            path + ".reference-range", "low " + low.get() + " is not below high " + high.get());
        rangeOk = false;
      }
    }
    if (unit.isEmpty() || value.isEmpty() || !rangeOk) {
      return Optional.empty();
    }
    UnitConversion conversion = Units.conversion(value.get(), unit.get(), def.unit());
    if (conversion instanceof UnitConversion.Refused r) {
      fields.problem(path + ".unit", Units.refusal(unit.get(), r));
      return Optional.empty();
    }
    if (conversion instanceof UnitConversion.OutOfRange) {
      fields.problem(path + ".value", Units.outOfRange(value.get(), unit.get(), def.unit()));
      return Optional.empty();
    }
    if (!(conversion instanceof UnitConversion.Converted converted)) {
      fields.problem(
          path + ".unit",
          "'"
              + unit.get()
              + "' is not a unit of "
              + def.id()
              + "; use "
              + def.unit()
              + " or another UCUM unit of the same dimension");
      return Optional.empty();
    }
    if (def.max().isPresent() && converted.value() > def.max().get()) {
      fields.problem(
          path + ".value", "'" + value.get() + "' exceeds " + def.max().get() + " " + def.unit());
      return Optional.empty();
    }
    Optional<Double> lowC = limit(low, unit.get(), def, path + ".reference-range.low");
    Optional<Double> highC = limit(high, unit.get(), def, path + ".reference-range.high");
    if (low.isPresent() != lowC.isPresent() || high.isPresent() != highC.isPresent()) {
      return Optional.empty();
    }
    return Optional.of(
        new Lab(
            def.id(), converted.value(), def.unit(), date, lowC, highC, value.get(), unit.get()));
  }

  /** A reference limit in the lab's unit; a problem when it converts beyond a double's range. */
  private Optional<Double> limit(Optional<Double> stated, String unit, LabDef def, String path) {
    if (stated.isEmpty()) {
      return Optional.empty();
    }
    UnitConversion c = Units.conversion(stated.get(), unit, def.unit());
    if (c instanceof UnitConversion.Converted converted) {
      return Optional.of(converted.value());
    }
    fields.problem(path, Units.outOfRange(stated.get(), unit, def.unit()));
    return Optional.empty();
  }

  private Optional<Double> number(JsonNode n, String key, String path, boolean required) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      if (required) {
        fields.problem(path, "is required (a number)");
      }
      return Optional.empty();
    }
    if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
      fields.problem(path, "'" + v.asText() + "' is not a number");
      return Optional.empty();
    }
    if (v.asDouble() < 0) {
      fields.problem(path, "'" + v.asText() + "' is negative");
      return Optional.empty();
    }
    return Optional.of(v.asDouble());
  }
}
