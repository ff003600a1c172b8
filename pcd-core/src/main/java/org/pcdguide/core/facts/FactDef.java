package org.pcdguide.core.facts;

import java.util.List;
import java.util.function.Function;
import org.pcdguide.core.knowledge.FactCatalog;
import org.pcdguide.core.knowledge.FactType;

/**
 * A named fact: its type, allowed values (for enums), meaning, and the function that derives it.
 */
public record FactDef(
    String name,
    FactType type,
    List<String> values,
    String meaning,
    Function<FactContext, FactValue> derive)
    implements FactCatalog.Signature {
  public FactDef {
    values = List.copyOf(values);
  }

  static FactDef bool(String name, String meaning, Function<FactContext, FactValue> derive) {
    return new FactDef(name, FactType.BOOLEAN, List.of(), meaning, derive);
  }

  static FactDef number(String name, String meaning, Function<FactContext, FactValue> derive) {
    return new FactDef(name, FactType.NUMBER, List.of(), meaning, derive);
  }

  static FactDef date(String name, String meaning, Function<FactContext, FactValue> derive) {
    return new FactDef(name, FactType.DATE, List.of(), meaning, derive);
  }

  static FactDef enumeration(
      String name, List<String> values, String meaning, Function<FactContext, FactValue> derive) {
    return new FactDef(name, FactType.ENUM, values, meaning, derive);
  }
}
