package org.meldekette.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.meldekette.testing.FirestoreCalls;
import org.meldekette.testing.FirestoreEmulator;

/**
 * At-least-once delivery: redeliveries, republished duplicates and any order of open and close end
 * in the same state; a storm on one group opens one incident; malformed messages are recorded once
 * and acknowledged; an unavailable Firestore fails the delivery so Pub/Sub retries it.
 */
class AlertDeliveryTest extends ServedAlertTriage {

  @AfterEach
  void backToTheClassDatabase() {
    AlertTriageUnderTest.db = db;
  }

  @Test
  void everyOrderAndEveryRedeliveryOfOpenAndCloseEndsInTheSameState() throws Exception {
    for (String signal : SIGNALS) {
      byte[] open = fixture(signal + "-open");
      byte[] closed = fixture(signal + "-closed");

      Firestore inOrder = fresh();
      deliver(open, "m-open");
      deliver(closed, "m-closed");

      Firestore reversed = fresh();
      deliver(closed, "m-closed");
      deliver(open, "m-open");

      Firestore redelivered = fresh();
      for (int i = 0; i < 3; i++) {
        deliver(open, "m-open");
      }
      for (int i = 0; i < 3; i++) {
        deliver(closed, "m-closed");
      }

      Firestore republished = fresh();
      deliver(open, "m-open");
      deliver(open, "m-open-again");
      deliver(closed, "m-closed");
      deliver(closed, "m-closed-again");
      deliver(open, "m-open-late");

      Map<String, String> expected = state(inOrder);
      assertThat(expected.keySet()).as(signal).anyMatch(path -> path.startsWith("alert-groups/"));
      assertThat(state(reversed)).as(signal + " closed before open").isEqualTo(expected);
      assertThat(state(redelivered)).as(signal + " three deliveries of each").isEqualTo(expected);
      assertThat(state(republished)).as(signal + " republished").isEqualTo(expected);
      // One audit event per effect, however often a message came.
      assertThat(count(redelivered, "audit-events"))
          .isEqualTo(count(inOrder, "audit-events"))
          .isEqualTo(2);
      assertThat(count(redelivered, "deliveries")).isEqualTo(2);
      assertThat(count(reversed, "audit-events")).isEqualTo(1);
      for (Firestore database : List.of(inOrder, reversed, redelivered, republished)) {
        database.close();
      }
    }
  }

  @Test
  void twentyAlertsOfOneGroupFromEightThreadsOpenOneIncidentAndRecordTwentyAlerts()
      throws Exception {
    Firestore storm = fresh();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    List<Callable<Integer>> deliveries = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      byte[] alert =
          variant("verification-failure-ratio-open", Map.of("incident_id", "0.storm-" + i));
      String messageId = "storm-" + i;
      deliveries.add(() -> deliver(alert, messageId));
    }
    for (Future<Integer> status : threads.invokeAll(deliveries)) {
      assertThat(status.get()).isEqualTo(200);
    }
    threads.shutdown();

    List<QueryDocumentSnapshot> incidents =
        storm.collection("incidents").get().get().getDocuments();
    assertThat(incidents).hasSize(1);
    List<QueryDocumentSnapshot> alerts = storm.collection("alerts").get().get().getDocuments();
    assertThat(alerts).hasSize(20);
    assertThat(alerts)
        .allSatisfy(a -> assertThat(a.getString("incidentId")).isEqualTo(incidents.get(0).getId()));
    List<QueryDocumentSnapshot> timeline =
        incidents.get(0).getReference().collection("timeline").get().get().getDocuments();
    assertThat(timeline)
        .hasSize(20)
        .allSatisfy(e -> assertThat(e.getString("type")).isEqualTo("ALERT_OPENED"));
    assertThat(
            timeline.stream().filter(e -> e.getString("summary").contains("opened this incident")))
        .hasSize(1);
    assertThat(count(storm, "alert-groups")).isEqualTo(1);
    storm.close();
  }

  @Test
  void firstAlertsOfANewGroupArrivingTogetherDoNotLockEachOtherOut() throws Exception {
    assumeTrue(
        System.getenv("FIRESTORE_EMULATOR_HOST") == null,
        "counting calls needs an emulator the tests start");
    FirestoreCalls calls = new FirestoreCalls();
    Firestore counted =
        calls.client(FirestoreEmulator.shared().host(), "race-" + UUID.randomUUID());
    AlertTriageUnderTest.db = counted;
    int alerts = 32;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(alerts);
    List<Callable<Integer>> deliveries = new ArrayList<>();
    for (int i = 0; i < alerts; i++) {
      byte[] alert = variant("typesense-uptime-open", Map.of("incident_id", "0.together-" + i));
      String messageId = "together-" + i;
      deliveries.add(
          () -> {
            start.await();
            return deliver(alert, messageId);
          });
    }
    List<Future<Integer>> statuses = new ArrayList<>();
    for (Callable<Integer> delivery : deliveries) {
      statuses.add(threads.submit(delivery));
    }
    start.countDown();
    for (Future<Integer> status : statuses) {
      assertThat(status.get()).isEqualTo(200);
    }
    threads.shutdown();

    assertThat(count(counted, "incidents")).isEqualTo(1);
    assertThat(count(counted, "alerts")).isEqualTo(alerts);
    // Each delivery runs at most twice: once, and again after losing the race to open the group's
    // incident.
    // Were the group read inside the transactions, the first alerts would wait on each other's read
    // locks
    // until lock timeouts abort them, and their retries would meet again.
    assertThat(calls.calls().get("BeginTransaction")).isLessThanOrEqualTo(2L * alerts);
    counted.close();
  }

  @Test
  void aMalformedMessageIsRecordedOnceWithoutItsPayloadAndAcknowledged() throws Exception {
    Firestore rejects = fresh();
    List<byte[]> malformed =
        List.of(
            "not json at all: Erika Mustermann".getBytes(StandardCharsets.UTF_8),
            "{\"hello\":\"Erika Mustermann\"}".getBytes(StandardCharsets.UTF_8),
            "{\"version\":\"1.2\",\"incident\":{\"state\":\"open\",\"summary\":\"Erika Mustermann\"}}"
                .getBytes(StandardCharsets.UTF_8),
            "{\"version\":\"1.2\",\"incident\":{\"incident_id\":\"x\",\"state\":\"burning\",\"started_at\":1}}"
                .getBytes(StandardCharsets.UTF_8),
            "{\"version\":\"2.0\",\"incident\":{}}".getBytes(StandardCharsets.UTF_8),
            new byte[] {(byte) 0xff, (byte) 0xfe, '{', '}'});
    for (int i = 0; i < malformed.size(); i++) {
      for (int delivery = 0; delivery < 2; delivery++) {
        assertThat(deliver(malformed.get(i), "bad-" + i))
            .as("acknowledged, not retried")
            .isEqualTo(200);
      }
    }

    List<QueryDocumentSnapshot> rejected =
        rejects.collection("rejected-alerts").get().get().getDocuments();
    assertThat(rejected).hasSize(malformed.size());
    Set<String> codes = new HashSet<>();
    for (QueryDocumentSnapshot record : rejected) {
      codes.add(record.getString("code"));
      assertThat(record.getString("reason")).isNotBlank();
      assertThat(record.getData().toString()).doesNotContain("Erika");
    }
    assertThat(codes)
        .contains(
            "NOT_JSON",
            "UNKNOWN_FORMAT",
            "MISSING_FIELD",
            "INVALID_FIELD",
            "UNSUPPORTED_VERSION",
            "NOT_UTF8");
    assertThat(count(rejects, "incidents")).isZero();
    assertThat(count(rejects, "alerts")).isZero();
    rejects.close();
  }

  @Test
  void whenFirestoreIsUnavailableTheDeliveryFailsSoPubSubRetriesAndTheRetryIsHandledOnce()
      throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Firestore unreachable =
        FirestoreOptions.newBuilder()
            .setProjectId("unreachable")
            .setEmulatorHost("127.0.0.1:" + closedPort)
            .setRetrySettings(
                RetrySettings.newBuilder()
                    .setTotalTimeoutDuration(java.time.Duration.ofSeconds(2))
                    .setMaxAttempts(2)
                    .build())
            .build()
            .getService();
    AlertTriageUnderTest.db = unreachable;
    byte[] alert = variant("typesense-disk-open", Map.of("incident_id", "0.retry-me"));
    assertThat(deliver(alert, "retry-me")).isGreaterThanOrEqualTo(500);
    unreachable.close();

    Firestore healthy = fresh();
    assertThat(deliver(alert, "retry-me")).isEqualTo(200);
    assertThat(deliver(alert, "retry-me")).isEqualTo(200);
    assertThat(count(healthy, "incidents")).isEqualTo(1);
    assertThat(count(healthy, "alerts")).isEqualTo(1);
    healthy.close();
  }

  private static Firestore fresh() {
    Firestore database = FirestoreEmulator.shared().newDatabase();
    AlertTriageUnderTest.db = database;
    return database;
  }

  private static long count(Firestore database, String collection) throws Exception {
    return database.collection(collection).count().get().get().getCount();
  }

  private static Map<String, String> state(Firestore database) throws Exception {
    return AlertState.of(database);
  }
}
