package org.meldekette.intake;

import com.google.gson.JsonArray;
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
import java.util.Map;
import java.util.Set;
import org.meldekette.domain.Language;
import org.meldekette.domain.Report;
import org.meldekette.domain.ReportKind;
import org.meldekette.http.ApiException;
import org.meldekette.http.FormUrlEncoded;
import org.meldekette.http.MediaType;
import org.meldekette.json.Json;

/**
 * A report request as sent by a web form, as JSON or as a plain HTML form, turned into a checked
 * {@link Report} and the idempotency key it came with. Both encodings go through the same field rules:
 * unknown fields are refused (a misspelt optional field would otherwise vanish silently), wrong types are
 * refused, then values are checked in form order.
 */
record ReportRequest(Report report, String idempotencyKey) {
  static final Set<String> FIELDS = Set.of("kind", "title", "description", "affectedSystems", "observedAt",
      "reporterName", "reporterEmail", "language", "submissionId");
  private static final int MAX_KEY_LENGTH = 200;

  static ReportRequest parse(MediaType mediaType, String body, String idempotencyHeader, Instant now) {
    JsonObject fields = mediaType.type().equals(MediaType.FORM) ? fromForm(body) : fromJson(body);
    for (String name : fields.keySet()) {
      if (!FIELDS.contains(name)) {
        throw ApiException.badRequest(name, "UNKNOWN_FIELD", name + " is not a field of a report");
      }
    }
    ReportKind kind = kind(string(fields, "kind"));
    String title = string(fields, "title");
    String description = string(fields, "description");
    List<String> systems = stringList(fields, "affectedSystems");
    Instant observedAt = instant(fields, "observedAt");
    String reporterName = string(fields, "reporterName");
    String reporterEmail = string(fields, "reporterEmail");
    Language language = language(string(fields, "language"));
    String key = idempotencyKey(idempotencyHeader, string(fields, "submissionId"));
    Report report = Report.submitted(kind, title, description, systems, observedAt, reporterName, reporterEmail,
        language, now);
    return new ReportRequest(report, key);
  }

  private static JsonObject fromJson(String body) {
    JsonElement element;
    try {
      element = Json.parse(body);
    } catch (JsonParseException e) {
      throw ApiException.badRequest(null, "MALFORMED_JSON", "the request body is not valid JSON");
    }
    if (!element.isJsonObject()) {
      throw ApiException.badRequest(null, "NOT_AN_OBJECT", "the request body must be a JSON object");
    }
    return element.getAsJsonObject();
  }

  /**
   * A form's fields as the JSON shape. {@code affectedSystems} may repeat or hold one name per line (a
   * textarea); any other field given twice is refused rather than one value picked silently.
   */
  private static JsonObject fromForm(String body) {
    JsonObject fields = new JsonObject();
    for (Map.Entry<String, List<String>> field : FormUrlEncoded.parse(body).entrySet()) {
      String name = field.getKey();
      if (name.equals("affectedSystems")) {
        JsonArray systems = new JsonArray();
        field.getValue().stream()
            .flatMap(value -> Arrays.stream(value.split("[\\r\\n,]+")))
            .forEach(systems::add);
        fields.add(name, systems);
      } else if (field.getValue().size() > 1) {
        throw ApiException.badRequest(name, "REPEATED_FIELD", name + " is given more than once");
      } else {
        fields.addProperty(name, field.getValue().get(0));
      }
    }
    return fields;
  }

  private static String string(JsonObject fields, String name) {
    JsonElement value = fields.get(name);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (value instanceof JsonPrimitive primitive && primitive.isString()) {
      return primitive.getAsString();
    }
    throw ApiException.badRequest(name, "INVALID_TYPE", name + " must be a string");
  }

  private static List<String> stringList(JsonObject fields, String name) {
    JsonElement value = fields.get(name);
    if (value == null || value.isJsonNull()) {
      return List.of();
    }
    if (!value.isJsonArray()) {
      throw ApiException.badRequest(name, "INVALID_TYPE", name + " must be a list of strings");
    }
    List<String> values = new ArrayList<>();
    for (JsonElement item : value.getAsJsonArray()) {
      if (!(item instanceof JsonPrimitive primitive) || !primitive.isString()) {
        throw ApiException.badRequest(name, "INVALID_TYPE", name + " must be a list of strings");
      }
      values.add(primitive.getAsString());
    }
    return values;
  }

  private static ReportKind kind(String value) {
    if (value == null || value.isBlank()) {
      return null; // the report refuses it as REQUIRED, in its place in form order
    }
    try {
      return ReportKind.valueOf(value.strip());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("kind", "INVALID_VALUE",
          "kind must be one of " + Arrays.toString(ReportKind.values()));
    }
  }

  private static Instant instant(JsonObject fields, String name) {
    String value = string(fields, name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(name, "INVALID_TIME",
          name + " must be an ISO-8601 time with offset, such as 2026-11-22T08:15:00+01:00");
    }
  }

  private static Language language(String value) {
    if (value == null || value.isBlank()) {
      return Language.DE;
    }
    Language language = Language.fromCode(value.strip());
    if (language == null) {
      throw ApiException.badRequest("language", "INVALID_VALUE", "language must be de or en");
    }
    return language;
  }

  /** The header wins over the form field; either must be short printable ASCII (a UUID fits). */
  private static String idempotencyKey(String header, String field) {
    String key = header != null ? header : field;
    String source = header != null ? "Idempotency-Key" : "submissionId";
    if (key == null) {
      return null;
    }
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw ApiException.badRequest(source, "INVALID_IDEMPOTENCY_KEY",
          source + " must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters");
    }
    return key;
  }
}
