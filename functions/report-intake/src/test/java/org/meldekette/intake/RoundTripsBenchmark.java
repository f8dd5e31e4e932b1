package org.meldekette.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.firestore.Firestore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.meldekette.testing.Figures;
import org.meldekette.testing.FirestoreCalls;
import org.meldekette.testing.FirestoreEmulator;

/**
 * Firestore round trips of report intake, counted by a gRPC interceptor on the function's own
 * client.
 */
@Tag("benchmark")
class RoundTripsBenchmark extends ServedIntake {
  private static final String REPORT =
      """
      {"kind":"SECURITY_INCIDENT","title":"Round trips","description":"Counted.","reporterEmail":"a@example.org"}""";

  @Test
  void reportIntake() throws Exception {
    FirestoreCalls calls = new FirestoreCalls();
    Firestore counted = calls.client(FirestoreEmulator.shared().host(), "bench-intake");
    ReportIntakeUnderTest.db = counted;
    assertThat(post(JSON, REPORT).statusCode())
        .isEqualTo(201); // the client connects on its first call

    StringBuilder table = new StringBuilder(FirestoreCalls.header());
    calls.reset();
    assertThat(post(JSON, REPORT, "Idempotency-Key", "round-trips").statusCode()).isEqualTo(201);
    table.append(
        calls.row(
            "report intake: a new report",
            "one commit without reads (incident, report, contact, timeline, audit event, idempotency record), then "
                + "one to mark the audit event exported once Cloud Logging has it"));
    calls.reset();
    assertThat(post(JSON, REPORT, "Idempotency-Key", "round-trips").statusCode()).isEqualTo(201);
    table.append(
        calls.row(
            "report intake: the same key again",
            "the commit fails on the idempotency record; one "
                + "read of it gives the first answer back"));
    calls.reset();
    assertThat(post(JSON, "{\"kind\":\"OTHER\"}").statusCode()).isEqualTo(400);
    table.append(calls.row("report intake: a refused report", "refused before any call"));
    Figures.record("Firestore round trips: report-intake", table.toString());
    counted.close();
  }
}
