package org.meldekette.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.meldekette.json.Json;

/**
 * Typed, strict reading of a JSON request object: unknown fields are refused (a misspelt optional
 * field would otherwise vanish silently), each value must have its type, and every refusal names
 * the field (dotted for nested objects). Missing and null values read as null.
 */
public final class JsonFields {
  private final JsonObject object;
  private final String prefix;

  private JsonFields(JsonObject object, String prefix) {
    this.object = object;
    this.prefix = prefix;
  }

  /** Parses a request body that must be a JSON object with only the given fields. */
  public static JsonFields parse(String body, Set<String> allowed) {
    JsonElement element;
    try {
      element = Json.parse(body);
    } catch (JsonParseException e) {
      throw ApiException.badRequest(null, "MALFORMED_JSON", "the request body is not valid JSON");
    }
    if (!element.isJsonObject()) {
      throw ApiException.badRequest(
          null, "NOT_AN_OBJECT", "the request body must be a JSON object");
    }
    return of(element.getAsJsonObject(), allowed, "");
  }

  /** Wraps an object already parsed, refusing fields outside {@code allowed}. */
  public static JsonFields of(JsonObject object, Set<String> allowed, String prefix) {
    for (String name : object.keySet()) {
      if (!allowed.contains(name)) {
        throw ApiException.badRequest(
            prefix + name, "UNKNOWN_FIELD", prefix + name + " is not a known field");
      }
    }
    return new JsonFields(object, prefix);
  }

  public boolean has(String name) {
    JsonElement value = object.get(name);
    return value != null && !value.isJsonNull();
  }

  public String string(String name) {
    JsonElement value = object.get(name);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (value instanceof JsonPrimitive primitive && primitive.isString()) {
      return primitive.getAsString();
    }
    throw invalidType(name, "a string");
  }

  public Long integer(String name) {
    JsonElement value = object.get(name);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (value instanceof JsonPrimitive primitive && primitive.isNumber()) {
      try {
        return primitive.getAsBigDecimal().longValueExact();
      } catch (ArithmeticException e) {
        throw invalidType(name, "a whole number");
      }
    }
    throw invalidType(name, "a whole number");
  }

  public Boolean bool(String name) {
    JsonElement value = object.get(name);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (value instanceof JsonPrimitive primitive && primitive.isBoolean()) {
      return primitive.getAsBoolean();
    }
    throw invalidType(name, "true or false");
  }

  public List<String> strings(String name) {
    JsonElement value = object.get(name);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (!value.isJsonArray()) {
      throw invalidType(name, "a list of strings");
    }
    List<String> values = new ArrayList<>();
    for (JsonElement item : value.getAsJsonArray()) {
      if (!(item instanceof JsonPrimitive primitive) || !primitive.isString()) {
        throw invalidType(name, "a list of strings");
      }
      values.add(primitive.getAsString());
    }
    return values;
  }

  /** An enum by its exact name; blank reads as null. */
  public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
    String value = string(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          prefix + name,
          "INVALID_VALUE",
          prefix + name + " must be one of " + Arrays.toString(type.getEnumConstants()));
    }
  }

  /** An ISO-8601 time with offset, such as {@code 2026-11-22T08:15:00+01:00}. */
  public Instant instant(String name) {
    String value = string(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          prefix + name,
          "INVALID_TIME",
          prefix
              + name
              + " must be an ISO-8601 time with offset, such as 2026-11-22T08:15:00+01:00");
    }
  }

  /** A nested object with its own allowed fields, or null. */
  public JsonFields object(String name, Set<String> allowed) {
    JsonElement value = object.get(name);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (!value.isJsonObject()) {
      throw invalidType(name, "an object");
    }
    return of(value.getAsJsonObject(), allowed, prefix + name + ".");
  }

  /** A list of nested objects with their own allowed fields, or null. */
  public List<JsonFields> objects(String name, Set<String> allowed) {
    JsonElement value = object.get(name);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (!value.isJsonArray()) {
      throw invalidType(name, "a list of objects");
    }
    List<JsonFields> items = new ArrayList<>();
    int index = 0;
    for (JsonElement item : value.getAsJsonArray()) {
      if (!item.isJsonObject()) {
        throw invalidType(name, "a list of objects");
      }
      items.add(of(item.getAsJsonObject(), allowed, prefix + name + "[" + index++ + "]."));
    }
    return items;
  }

  private ApiException invalidType(String name, String what) {
    return ApiException.badRequest(
        prefix + name, "INVALID_TYPE", prefix + name + " must be " + what);
  }
}
