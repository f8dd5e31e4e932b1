package org.meldekette.alerts;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.meldekette.testing.FirestoreExtension;
import org.meldekette.testing.FunctionServer;
import org.meldekette.testing.MutableClock;
import org.meldekette.testing.TestHttp;

/**
 * Serves {@link AlertTriageUnderTest} and delivers Pub/Sub messages to it as Eventarc does: a
 * {@code messagePublished} CloudEvent in binary mode over HTTP.
 */
@ExtendWith(FirestoreExtension.class)
abstract class ServedAlertTriage {
  static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
  static final List<String> SIGNALS = List.of("typesense-uptime", "typesense-cpu", "typesense-memory", "typesense-disk",
      "verification-stuck", "verification-queue-backlog", "verification-failure-ratio", "verification-worker-silent");
  static FunctionServer server;
  static Firestore db;

  @BeforeAll
  static void start(Firestore database) throws Exception {
    db = database;
    AlertTriageUnderTest.db = database;
    AlertTriageUnderTest.clock = new MutableClock(NOW);
    server = FunctionServer.start(AlertTriageUnderTest.class, "cloudevent");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  /** A fixture from {@code src/test/resources/monitoring/}, such as {@code typesense-cpu-open}. */
  static byte[] fixture(String name) {
    try (InputStream in = ServedAlertTriage.class.getResourceAsStream("/monitoring/" + name + ".json")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fixture with some of its incident's fields replaced, for alerts of other resources or occurrences. */
  static byte[] variant(String name, Map<String, Object> incidentFields) {
    JsonObject root = JsonParser.parseString(new String(fixture(name), StandardCharsets.UTF_8)).getAsJsonObject();
    JsonObject incident = root.getAsJsonObject("incident");
    incidentFields.forEach((field, value) -> {
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

  /** A monitored resource of {@code type} with one label. */
  static JsonObject resource(String type, String label, String value) {
    JsonObject resource = new JsonObject();
    resource.addProperty("type", type);
    JsonObject labels = new JsonObject();
    labels.addProperty(label, value);
    resource.add("labels", labels);
    return resource;
  }

  /** Delivers {@code data} as the Pub/Sub message {@code messageId}; the answer is what Pub/Sub sees. */
  static int deliver(byte[] data, String messageId) {
    String envelope = "{\"message\":{\"data\":\"" + Base64.getEncoder().encodeToString(data) + "\",\"messageId\":\""
        + messageId + "\",\"publishTime\":\"2026-11-22T07:59:59Z\"},"
        + "\"subscription\":\"projects/test/subscriptions/alert-triage\"}";
    HttpResponse<String> response = TestHttp.send("POST", server.uri("/"), envelope,
        "Content-Type", "application/json",
        "ce-id", messageId,
        "ce-specversion", "1.0",
        "ce-type", "google.cloud.pubsub.topic.v1.messagePublished",
        "ce-source", "//pubsub.googleapis.com/projects/test/topics/monitoring-alerts");
    return response.statusCode();
  }

  static String newMessageId() {
    return UUID.randomUUID().toString();
  }

  static List<QueryDocumentSnapshot> all(Firestore database, String collection) throws Exception {
    return database.collection(collection).get().get().getDocuments();
  }
}
