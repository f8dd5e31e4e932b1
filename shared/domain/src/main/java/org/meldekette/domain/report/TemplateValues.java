package org.meldekette.domain.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values as templates take them: numbers and times as text (so a count of 0 is shown, not taken for
 * "missing"), nulls left as nulls (which the templates render as missing), lists and maps kept.
 */
final class TemplateValues {
  private TemplateValues() {}

  static Map<String, Object> of(Map<String, Object> values) {
    Map<String, Object> view = new LinkedHashMap<>();
    values.forEach((key, value) -> view.put(key, value(value)));
    return view;
  }

  @SuppressWarnings("unchecked")
  static Object value(Object value) {
    if (value == null || value instanceof Boolean || value instanceof String) {
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      return of((Map<String, Object>) map);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(item -> out.add(value(item)));
      return out;
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    return value instanceof Instant instant ? instant.toString() : String.valueOf(value);
  }
}
