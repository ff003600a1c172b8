package org.pcdguide.core.cases;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A clinical finding as stated by the clinician: present or absent, with typed details (text,
 * boolean, integer or list of words) checked against the vocabulary at the door.
 */
public record Finding(String id, boolean present, Map<String, Object> details) {
  public Finding {
    details = java.util.Collections.unmodifiableMap(new TreeMap<>(details));
  }

  public Optional<String> text(String key) {
    return details.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
  }

  public Optional<Boolean> flag(String key) {
    return details.get(key) instanceof Boolean b ? Optional.of(b) : Optional.empty();
  }

  public Optional<Long> integer(String key) {
    return details.get(key) instanceof Long n ? Optional.of(n) : Optional.empty();
  }

  @SuppressWarnings("unchecked")
  public List<String> words(String key) {
    return details.get(key) instanceof List<?> l ? (List<String>) l : List.of();
  }

  public boolean has(String key) {
    return details.containsKey(key);
  }
}
