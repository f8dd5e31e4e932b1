package org.meldekette.alerts;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.meldekette.domain.alert.Alert;
import org.meldekette.json.Json;

/**
 * Reads alert notifications: Cloud Monitoring's (schema version 1.x, the {@code incident} object)
 * and the small generic format for other sources (see the README). Anything else is {@link
 * MalformedAlert}. The notification's summary text is not kept: the open and the closed
 * notification word it differently, and the stored state must not depend on which arrives first;
 * the console link leads to the details.
 */
final class AlertParser {
  private static final int MAX_TEXT = 1_000;
  private static final int MAX_ID = 256;
  private static final int MAX_LABELS = 64;

  private AlertParser() {}

  static Alert parse(byte[] data) throws MalformedAlert {
    JsonObject root;
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(data))
              .toString();
      root = Json.parse(text).getAsJsonObject();
    } catch (CharacterCodingException e) {
      throw new MalformedAlert("NOT_UTF8", "the message data is not UTF-8");
    } catch (RuntimeException e) {
      throw new MalformedAlert("NOT_JSON", "the message data is not a JSON object");
    }
    if (root.has("incident")) {
      return monitoring(root);
    }
    if (root.has("fingerprint")) {
      return generic(root);
    }
    throw new MalformedAlert(
        "UNKNOWN_FORMAT", "neither a Cloud Monitoring notification nor a generic alert");
  }

  private static Alert monitoring(JsonObject root) throws MalformedAlert {
    String version = text(root, "version", false);
    if (version != null && !version.startsWith("1.")) {
      throw new MalformedAlert(
          "UNSUPPORTED_VERSION", "Cloud Monitoring notification version " + version);
    }
    JsonObject incident = object(root, "incident");
    String id = id(text(incident, "incident_id", true));
    Alert.AlertState state = state(text(incident, "state", true));
    Instant started = epochSeconds(incident, "started_at", true);
    Instant ended = epochSeconds(incident, "ended_at", false);
    JsonObject resource =
        incident.has("resource") && incident.get("resource").isJsonObject()
            ? incident.getAsJsonObject("resource")
            : new JsonObject();
    JsonObject metric =
        incident.has("metric") && incident.get("metric").isJsonObject()
            ? incident.getAsJsonObject("metric")
            : new JsonObject();
    return new Alert(
        "cloud-monitoring",
        "cloud-monitoring:" + id,
        state,
        started,
        ended,
        text(incident, "policy_name", false),
        labels(incident, "policy_user_labels"),
        text(incident, "condition_name", false),
        text(metric, "type", false),
        new Alert.Resource(
            text(resource, "type", false) == null ? "unknown" : text(resource, "type", false),
            labels(resource, "labels"),
            text(incident, "resource_display_name", false)),
        url(text(incident, "url", false)),
        text(incident, "severity", false));
  }

  private static Alert generic(JsonObject root) throws MalformedAlert {
    String source = id(text(root, "source", true));
    String fingerprint = id(text(root, "fingerprint", true));
    Alert.AlertState state = state(text(root, "state", true));
    Instant occurred = isoTime(text(root, "occurredAt", true));
    String resource = text(root, "resource", false);
    return new Alert(
        source,
        "generic:" + source + ":" + fingerprint,
        state,
        occurred,
        state == Alert.AlertState.CLOSED ? occurred : null,
        source,
        labels(root, "labels"),
        null,
        null,
        new Alert.Resource(
            "generic", resource == null ? Map.of() : Map.of("name", resource), resource),
        url(text(root, "url", false)),
        text(root, "severity", false));
  }

  private static JsonObject object(JsonObject parent, String field) throws MalformedAlert {
    JsonElement value = parent.get(field);
    if (value == null || !value.isJsonObject()) {
      throw new MalformedAlert("MISSING_FIELD", field + " must be an object");
    }
    return value.getAsJsonObject();
  }

  private static String text(JsonObject parent, String field, boolean required)
      throws MalformedAlert {
    JsonElement value = parent.get(field);
    if (value == null || value.isJsonNull()) {
      if (required) {
        throw new MalformedAlert("MISSING_FIELD", field + " is missing");
      }
      return null;
    }
    if (!(value instanceof JsonPrimitive primitive) || !primitive.isString()) {
      throw new MalformedAlert("INVALID_FIELD", field + " must be a string");
    }
    String s = primitive.getAsString();
    // Monitoring text is for people; a runaway summary is cut, not a reason to lose the alert.
    return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) : s;
  }

  private static String id(String value) throws MalformedAlert {
    if (value.isBlank() || value.length() > MAX_ID) {
      throw new MalformedAlert(
          "INVALID_FIELD", "an identifier must be 1 to " + MAX_ID + " characters");
    }
    return value;
  }

  private static Alert.AlertState state(String value) throws MalformedAlert {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "open" -> Alert.AlertState.OPEN;
      case "closed" -> Alert.AlertState.CLOSED;
      default -> throw new MalformedAlert("INVALID_FIELD", "state must be open or closed");
    };
  }

  private static Instant epochSeconds(JsonObject parent, String field, boolean required)
      throws MalformedAlert {
    JsonElement value = parent.get(field);
    if (value == null || value.isJsonNull()) {
      if (required) {
        throw new MalformedAlert("MISSING_FIELD", field + " is missing");
      }
      return null;
    }
    try {
      long seconds = value.getAsJsonPrimitive().getAsBigDecimal().longValueExact();
      if (seconds < 0 || seconds > 32_503_680_000L) {
        throw new ArithmeticException();
      }
      return Instant.ofEpochSecond(seconds);
    } catch (RuntimeException e) {
      throw new MalformedAlert("INVALID_FIELD", field + " must be epoch seconds");
    }
  }

  private static Instant isoTime(String value) throws MalformedAlert {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (RuntimeException e) {
      throw new MalformedAlert("INVALID_FIELD", "occurredAt must be an ISO-8601 time with offset");
    }
  }

  private static Map<String, String> labels(JsonObject parent, String field) throws MalformedAlert {
    JsonElement value = parent.get(field);
    if (value == null || value.isJsonNull()) {
      return Map.of();
    }
    if (!value.isJsonObject() || value.getAsJsonObject().size() > MAX_LABELS) {
      throw new MalformedAlert(
          "INVALID_FIELD", field + " must be an object of at most " + MAX_LABELS + " labels");
    }
    Map<String, String> labels = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> label : value.getAsJsonObject().entrySet()) {
      if (!(label.getValue() instanceof JsonPrimitive primitive) || !primitive.isString()) {
        throw new MalformedAlert("INVALID_FIELD", field + " values must be strings");
      }
      labels.put(label.getKey(), primitive.getAsString());
    }
    return labels;
  }

  /** Only http(s) links are kept: the link is shown to people. */
  private static String url(String value) {
    return value != null && (value.startsWith("https://") || value.startsWith("http://"))
        ? value
        : null;
  }
}
