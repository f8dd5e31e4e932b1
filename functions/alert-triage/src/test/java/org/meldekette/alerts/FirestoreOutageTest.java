package org.meldekette.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.meldekette.domain.AuditEvent;
import org.meldekette.store.AuditTrail;
import org.meldekette.testing.CuttableProxy;
import org.meldekette.testing.EmulatorProcess;
import org.meldekette.testing.FirestoreCalls;
import org.meldekette.testing.FirestoreEmulator;
import org.meldekette.testing.FunctionServer;
import org.meldekette.testing.Poll;

/**
 * Firestore goes away in the middle of an alert storm: the emulator behind alert-triage is stopped
 * (its committed data exported first, as Firestore keeps it through an outage) and started again.
 * Deliveries during the outage fail with 5xx, so Pub/Sub retries them; nothing they did is
 * half-written; and once the failed deliveries are replayed the state is exactly that of the same
 * storm without an outage.
 */
class FirestoreOutageTest extends ServedAlertTriage {
  private static final int CONCURRENCY = 16;

  /**
   * 400 alerts, one per signal and resource, so no group's first alert depends on delivery order.
   */
  private static final AlertStorm STORM = AlertStorm.of(400, 50, 0.3, 20261122L);

  @AfterEach
  void backToTheClassDatabase() {
    AlertTriageUnderTest.db = db;
  }

  @Test
  void aStormThroughAFirestoreOutageEndsExactlyAsTheSameStormWithoutOne() throws Exception {
    Path jar = EmulatorProcess.cloudSdkJar().orElse(null);
    assumeTrue(
        jar != null, "stopping Firestore needs an emulator of our own, from the Google Cloud CLI");

    Firestore undisturbed = FirestoreEmulator.shared().newDatabase();
    AlertTriageUnderTest.db = undisturbed;
    AlertStorm.Outcome calm = STORM.deliver(server.uri("/"), CONCURRENCY, answered -> {});
    assertThat(calm.failed()).isEmpty();

    int emulatorPort = FunctionServer.freePort();
    Path work = Path.of("target", "outage-" + System.nanoTime()).toAbsolutePath();
    try (EmulatorProcess emulator =
            EmulatorProcess.start(jar, emulatorPort, work.resolve("emulator.log"));
        CuttableProxy network =
            new CuttableProxy(
                FunctionServer.freePort(), new InetSocketAddress("127.0.0.1", emulatorPort))) {
      // Short call timeouts, so a delivery during the outage fails within seconds, not at the
      // function timeout.
      Firestore disturbed =
          new FirestoreCalls().client(network.host(), "outage", Duration.ofSeconds(2));
      AlertTriageUnderTest.db = disturbed;
      CompletableFuture<Void> outage = new CompletableFuture<>();
      int third = STORM.deliveries().size() / 3;

      AlertStorm.Outcome stormy =
          STORM.deliver(
              server.uri("/"),
              CONCURRENCY,
              answered -> {
                if (answered == third) {
                  CompletableFuture.runAsync(
                      () -> {
                        try {
                          network.cut();
                          Path export = emulator.export("outage", work.resolve("export"));
                          emulator.kill();
                          emulator.restartFrom(export);
                          network.restore();
                          outage.complete(null);
                        } catch (Exception e) {
                          outage.completeExceptionally(e);
                        }
                      });
                }
              });
      outage.get(3, TimeUnit.MINUTES);
      // Looked at directly, not through the function's client, whose channel reconnects in its own
      // time.
      Firestore direct = FirestoreEmulator.at(emulator.host(), "outage test").client("outage");

      assertThat(stormy.failed()).as("deliveries during the outage failed").isNotEmpty();
      assertThat(stormy.statuses().keySet())
          .as("acknowledged, or failed so Pub/Sub retries")
          .allMatch(status -> status == 200 || status >= 500);
      assertNothingHalfWritten(direct);

      // Pub/Sub redelivers what was not acknowledged until it is, with backoff: here, once the
      // function's
      // Firestore channel is connected again.
      Poll.until(
          "the function's Firestore connection", Duration.ofMinutes(3), () -> answers(disturbed));
      List<AlertStorm.Delivery> pending = stormy.failed();
      for (int round = 0; round < 5 && !pending.isEmpty(); round++) {
        // Pub/Sub spreads redeliveries out with jittered backoff; later rounds go one at a time, so
        // the open and the closed notification of one alert do not meet in every round and wait out
        // the emulator's lock timeout together (real Firestore lets the older transaction win).
        pending =
            AlertStorm.deliver(
                    pending, server.uri("/"), round == 0 ? CONCURRENCY : 1, answered -> {})
                .failed();
      }
      assertThat(pending).as("every delivery acknowledged in the end").isEmpty();

      assertThat(AlertState.of(direct)).isEqualTo(AlertState.of(undisturbed));
      assertOneAuditEventPerEffect(direct);
      System.out.printf(
          "outage test: %d deliveries, %d failed during the outage and were replayed%n",
          STORM.deliveries().size(), stormy.failed().size());
      direct.close();
      disturbed.close();
    }
    undisturbed.close();
  }

  private static boolean answers(Firestore database) {
    try {
      database.collection("alerts").limit(1).get().get();
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  /**
   * What one transaction writes is all there or not there: no alert without its incident or audit
   * event.
   */
  private static void assertNothingHalfWritten(Firestore database) throws Exception {
    for (QueryDocumentSnapshot alert : database.collection("alerts").get().get().getDocuments()) {
      String incidentId = alert.getString("incidentId");
      assertThat(database.collection("incidents").document(incidentId).get().get().exists())
          .isTrue();
      assertThat(alert.getLong("auditSequence")).isPositive();
    }
    for (QueryDocumentSnapshot delivery :
        database.collection("deliveries").get().get().getDocuments()) {
      assertThat(
              database
                  .collection("alerts")
                  .document(delivery.getString("alert"))
                  .get()
                  .get()
                  .exists())
          .isTrue();
    }
  }

  /**
   * Each alert's audit stream is intact and says each thing once: opened and resolved, or both at
   * once.
   */
  private static void assertOneAuditEventPerEffect(Firestore database) throws Exception {
    AuditTrail trail = new AuditTrail(database);
    List<QueryDocumentSnapshot> alerts = database.collection("alerts").get().get().getDocuments();
    assertThat(alerts).hasSize(STORM.alerts());
    for (QueryDocumentSnapshot alert : alerts) {
      String path = alert.getReference().getPath();
      List<String> types = new ArrayList<>();
      for (AuditEvent event : trail.events(path)) {
        types.add(event.type());
      }
      assertThat(types)
          .isIn(List.of("ALERT_OPENED", "ALERT_RESOLVED"), List.of("ALERT_OPENED_AND_RESOLVED"));
      assertThat(trail.verify(path).intact()).isTrue();
    }
    assertThat(database.collection("incidents").count().get().get().getCount())
        .isEqualTo(STORM.groups());
  }
}
