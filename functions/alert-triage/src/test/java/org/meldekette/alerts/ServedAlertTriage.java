package org.meldekette.alerts;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.meldekette.dev.LocalTaskQueue;
import org.meldekette.testing.FirestoreExtension;
import org.meldekette.testing.FunctionServer;
import org.meldekette.testing.MutableClock;

/**
 * Serves {@link AlertTriageUnderTest} and delivers Pub/Sub messages to it as Eventarc does: a
 * {@code messagePublished} CloudEvent in binary mode over HTTP.
 */
@ExtendWith(FirestoreExtension.class)
abstract class ServedAlertTriage {
  static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
  static final List<String> SIGNALS = AlertFixtures.SIGNALS;
  static FunctionServer server;
  static Firestore db;
  static LocalTaskQueue queue;

  @BeforeAll
  static void start(Firestore database) throws Exception {
    db = database;
    AlertTriageUnderTest.db = database;
    AlertTriageUnderTest.clock = new MutableClock(NOW);
    queue = new LocalTaskQueue(0, "tasks@meldekette.test", AlertTriageUnderTest.clock);
    AlertTriageUnderTest.queueUrl = queue.url();
    server = FunctionServer.start(AlertTriageUnderTest.class, "cloudevent");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    queue.close();
  }

  /** A fixture from {@code src/test/resources/monitoring/}, such as {@code typesense-cpu-open}. */
  static byte[] fixture(String name) {
    return AlertFixtures.fixture(name);
  }

  static byte[] variant(String name, Map<String, Object> incidentFields) {
    return AlertFixtures.variant(name, incidentFields);
  }

  static JsonObject resource(String type, String label, String value) {
    return AlertFixtures.resource(type, label, value);
  }

  /**
   * Delivers {@code data} as the Pub/Sub message {@code messageId}; the answer is what Pub/Sub
   * sees.
   */
  static int deliver(byte[] data, String messageId) {
    return PubSubPush.deliver(server.uri("/"), data, messageId);
  }

  static String newMessageId() {
    return UUID.randomUUID().toString();
  }

  static List<QueryDocumentSnapshot> all(Firestore database, String collection) throws Exception {
    return database.collection(collection).get().get().getDocuments();
  }
}
