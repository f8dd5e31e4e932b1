package org.meldekette.alerts;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The Cloud Monitoring notifications in {@code src/test/resources/monitoring/} and variants of
 * them.
 */
public final class AlertFixtures {
  /** The eight signals; each has a {@code <signal>-open} and a {@code <signal>-closed} fixture. */
  public static final List<String> SIGNALS =
      List.of(
          "typesense-uptime",
          "typesense-cpu",
          "typesense-memory",
          "typesense-disk",
          "verification-stuck",
          "verification-queue-backlog",
          "verification-failure-ratio",
          "verification-worker-silent");

  private AlertFixtures() {}

  /** A fixture such as {@code typesense-cpu-open}, as Pub/Sub carries it. */
  public static byte[] fixture(String name) {
    try (InputStream in =
        AlertFixtures.class.getResourceAsStream("/monitoring/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A fixture with some of its incident's fields replaced, for alerts of other resources or
   * occurrences.
   */
  public static byte[] variant(String name, Map<String, Object> incidentFields) {
    JsonObject root =
        JsonParser.parseString(new String(fixture(name), StandardCharsets.UTF_8)).getAsJsonObject();
    JsonObject incident = root.getAsJsonObject("incident");
    incidentFields.forEach(
        (field, value) -> {
          if (value instanceof JsonObject object) {
            incident.add(field, object);
          } else if (value instanceof Number number) {
            incident.addProperty(field, number);
          } else {
            incident.addProperty(field, (String) value);
          }
        });
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The monitored resource of a fixture. */
  public static JsonObject resourceOf(String name) {
    return JsonParser.parseString(new String(fixture(name), StandardCharsets.UTF_8))
        .getAsJsonObject()
        .getAsJsonObject("incident")
        .getAsJsonObject("resource");
  }

  /** A monitored resource of {@code type} with one label. */
  public static JsonObject resource(String type, String label, String value) {
    JsonObject resource = new JsonObject();
    resource.addProperty("type", type);
    JsonObject labels = new JsonObject();
    labels.addProperty(label, value);
    resource.add("labels", labels);
    return resource;
  }
}
