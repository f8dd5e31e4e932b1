package org.meldekette.domain.lifecycle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Only the entries that differ, for a timeline that says what changed. */
record Diff(Map<String, Object> before, Map<String, Object> after) {
  static Diff of(Map<String, Object> before, Map<String, Object> after) {
    Map<String, Object> b = new LinkedHashMap<>();
    Map<String, Object> a = new LinkedHashMap<>();
    for (String key : union(before, after)) {
      if (!Objects.equals(before.get(key), after.get(key))) {
        b.put(key, before.get(key));
        a.put(key, after.get(key));
      }
    }
    return new Diff(b, a);
  }

  /** "Label: a, b", or "Label (no change)". */
  String summary(String label) {
    return label + (after.isEmpty() ? " (no change)" : ": " + String.join(", ", after.keySet()));
  }

  private static List<String> union(Map<String, Object> x, Map<String, Object> y) {
    List<String> keys = new ArrayList<>(x.keySet());
    y.keySet().stream().filter(k -> !x.containsKey(k)).forEach(keys::add);
    return keys;
  }
}
