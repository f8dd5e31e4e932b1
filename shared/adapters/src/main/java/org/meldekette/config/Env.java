package org.meldekette.config;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Configuration from environment variables, each with a documented default (see the README).
 * Functions read it once when they start; tests hand in a map.
 */
public final class Env {
  private final Map<String, String> variables;

  public Env(Map<String, String> variables) {
    this.variables = Map.copyOf(variables);
  }

  public static Env system() {
    return new Env(System.getenv());
  }

  public String get(String name, String defaultValue) {
    String value = variables.get(name);
    return value == null || value.isBlank() ? defaultValue : value.strip();
  }

  /** A variable that must be set; failing early beats failing on the first request. */
  public String require(String name) {
    String value = get(name, null);
    if (value == null) {
      throw new IllegalStateException("environment variable " + name + " is not set");
    }
    return value;
  }

  /** A comma-separated list; blank entries dropped. */
  public List<String> list(String name, String defaultValue) {
    return Arrays.stream(get(name, defaultValue).split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  public int integer(String name, int defaultValue) {
    String value = get(name, null);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalStateException(
          "environment variable " + name + " is not a number: " + value, e);
    }
  }
}
