package org.meldekette.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.firestore.Firestore;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.meldekette.testing.Figures;
import org.meldekette.testing.FirestoreCalls;
import org.meldekette.testing.FirestoreEmulator;

/**
 * Firestore round trips of alert-triage per delivery, counted by a gRPC interceptor on the
 * function's client.
 */
@Tag("benchmark")
class RoundTripsBenchmark extends ServedAlertTriage {

  @AfterEach
  void backToTheClassDatabase() {
    AlertTriageUnderTest.db = db;
  }

  @Test
  void alertDeliveries() throws Exception {
    FirestoreCalls calls = new FirestoreCalls();
    Firestore counted = calls.client(FirestoreEmulator.shared().host(), "bench-alerts");
    AlertTriageUnderTest.db = counted;
    assertThat(deliver(fixture("typesense-disk-open"), "warm-up"))
        .isEqualTo(200); // connects the client

    StringBuilder table = new StringBuilder(FirestoreCalls.header());
    calls.reset();
    assertThat(deliver(fixture("typesense-cpu-open"), "first")).isEqualTo(200);
    table.append(
        calls.row(
            "alert: opens an incident",
            "one transaction: one batched read of delivery and "
                + "alert, the group read outside it (no lock on the group), one commit; then the audit event marked exported"));
    calls.reset();
    assertThat(deliver(variant("typesense-cpu-open", Map.of("incident_id", "0.joins")), "second"))
        .isEqualTo(200);
    table.append(
        calls.row(
            "alert: joins the open incident",
            "as opening, plus a read of the group's "
                + "incident (is it still open?); then the export mark"));
    calls.reset();
    assertThat(deliver(fixture("typesense-cpu-open"), "first")).isEqualTo(200);
    table.append(
        calls.row("alert: redelivered", "one transaction that only reads: the delivery is known"));
    calls.reset();
    assertThat(deliver(fixture("typesense-cpu-closed"), "closed")).isEqualTo(200);
    table.append(calls.row("alert: resolves", "one transaction, then the export mark"));
    Figures.record("Firestore round trips: alert-triage", table.toString());
    counted.close();
  }
}
