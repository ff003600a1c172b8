package org.pcdguide.core.knowledge;

import java.util.Map;

/**
 * Checks the agents' cited attributes and the classes avoid entries name by attribute: every value
 * is one its attribute declares and cites at least one source (seed quotes verbatim), and every
 * class names a declared attribute and value.
 */
record AttributeValidator(PackValidator pack) {
  private static final String W = "vocabulary.yaml";

  void vocabulary() {
    Vocabulary v = pack.pack().vocabulary();
    for (Vocabulary.AttributeDef d : v.attributes().values()) {
      pack.check(
          !d.values().isEmpty(), W + ".attributes." + d.id(), "an attribute lists its values");
    }
    for (Vocabulary.AgentDef a : v.agents().values()) {
      for (Map.Entry<String, Vocabulary.AttributeValue> e : a.attributes().entrySet()) {
        String where = W + ".agents." + a.id() + ".attributes." + e.getKey();
        Vocabulary.AttributeDef def = v.attributes().get(e.getKey());
        if (def == null) {
          pack.problem(where, "'" + e.getKey() + "' is not a declared attribute");
          continue;
        }
        pack.check(
            def.values().contains(e.getValue().value()),
            where,
            "'" + e.getValue().value() + "' is not one of " + def.values());
        pack.check(
            !e.getValue().evidence().isEmpty(),
            where,
            "an attribute value cites its source (never from memory)");
        e.getValue().evidence().forEach(ev -> pack.evidence(ev, where));
      }
    }
  }

  void avoid(AvoidEntry a, String where) {
    a.byAttribute()
        .ifPresent(
            c -> {
              Vocabulary.AttributeDef def =
                  pack.pack().vocabulary().attributes().get(c.attribute());
              if (def == null) {
                pack.problem(
                    where + ".class", "'" + c.attribute() + "' is not a declared attribute");
              } else {
                pack.check(
                    def.values().contains(c.value()),
                    where + ".class",
                    "'" + c.value() + "' is not one of " + def.values());
              }
            });
  }
}
