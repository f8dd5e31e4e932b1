package org.meldekette.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed access to stored fields, in both directions: {@link #fields()} builds a document from
 * domain values (instants as timestamps, enums by name, nulls left out) and the getters read one
 * back.
 */
public final class Doc {
  private final Map<String, Object> values;

  private Doc(Map<String, Object> values) {
    this.values = values == null ? Map.of() : values;
  }

  public static Doc of(Map<String, Object> values) {
    return new Doc(values);
  }

  /** A builder for a document's fields. */
  public static Fields fields() {
    return new Fields();
  }

  public String string(String key) {
    return (String) values.get(key);
  }

  public Instant instant(String key) {
    return Timestamps.instant(values.get(key));
  }

  public Long longValue(String key) {
    Object value = values.get(key);
    return value == null ? null : ((Number) value).longValue();
  }

  public boolean bool(String key) {
    return Boolean.TRUE.equals(values.get(key));
  }

  public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
    String name = string(key);
    return name == null ? null : Enum.valueOf(type, name);
  }

  @SuppressWarnings("unchecked")
  public List<String> strings(String key) {
    Object value = values.get(key);
    return value == null ? List.of() : List.copyOf((List<String>) value);
  }

  @SuppressWarnings("unchecked")
  public Doc doc(String key) {
    return new Doc((Map<String, Object>) values.get(key));
  }

  /** The stored value as it is, for a list of maps. */
  public Object raw(String key) {
    return values.get(key);
  }

  public boolean has(String key) {
    return values.get(key) != null;
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> map(String key) {
    Map<String, Object> value = (Map<String, Object>) values.get(key);
    return value == null ? Map.of() : value;
  }

  /** Ordered fields for a document; values converted to what Firestore stores. */
  public static final class Fields {
    private final Map<String, Object> map = new LinkedHashMap<>();

    public Fields put(String key, Object value) {
      if (value instanceof Instant instant) {
        map.put(key, Timestamps.of(instant));
      } else if (value instanceof Enum<?> e) {
        map.put(key, e.name());
      } else if (value instanceof Fields nested) {
        map.put(key, nested.map);
      } else if (value instanceof Integer i) {
        map.put(key, i.longValue());
      } else {
        map.put(key, value);
      }
      return this;
    }

    public Map<String, Object> map() {
      return map;
    }
  }
}
