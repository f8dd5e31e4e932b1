package org.meldekette.domain.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values as templates take them: numbers and times as text (so a count of 0 is shown, not taken for
 * "missing"), nulls left as nulls (which the templates render as missing), lists and maps kept.
 * Documents for people get their times in words ({@link #forReaders}).
 */
final class TemplateValues {
  private final DocumentTimes times;
  private final String language;

  private TemplateValues(DocumentTimes times, String language) {
    this.times = times;
    this.language = language;
  }

  /** Times as ISO 8601, for machine-read output. */
  static Map<String, Object> of(Map<String, Object> values) {
    return new TemplateValues(null, null).map(values);
  }

  /** Times in words in the controller's time zone and the reader's language. */
  static Map<String, Object> forReaders(
      Map<String, Object> values, DocumentTimes times, String language) {
    return new TemplateValues(times, language).map(values);
  }

  private Map<String, Object> map(Map<String, Object> values) {
    Map<String, Object> view = new LinkedHashMap<>();
    values.forEach(
        (key, value) ->
            view.put(key, value(times == null ? value : times.shown(key, value, language))));
    return view;
  }

  @SuppressWarnings("unchecked")
  private Object value(Object value) {
    if (value == null || value instanceof Boolean || value instanceof String) {
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      return map((Map<String, Object>) map);
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
