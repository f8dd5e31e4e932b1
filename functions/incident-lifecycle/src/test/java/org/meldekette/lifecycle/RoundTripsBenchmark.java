package org.meldekette.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.firestore.Firestore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.meldekette.testing.Figures;
import org.meldekette.testing.FirestoreCalls;
import org.meldekette.testing.FirestoreEmulator;
import org.meldekette.testing.FunctionServer;

/**
 * Firestore round trips of the staff API's writes, counted by a gRPC interceptor on the function's
 * client. The incident is set up through the normal client; only the measured request goes through
 * the counted one.
 */
@Tag("benchmark")
class RoundTripsBenchmark extends ServedLifecycle {

  private FunctionServer classServer;

  @AfterEach
  void backToTheClassServer() throws Exception {
    server.close();
    server = classServer;
    IncidentLifecycleUnderTest.db = db;
  }

  /** A row of the table, and the figure beside its target: 4 round trips a write, 2 a read. */
  private static String counted(FirestoreCalls calls, String operation, String note) {
    boolean read = operation.startsWith("lifecycle: read");
    int limit = read ? 2 : 4;
    Figures.measured(
        "Firestore round trips, " + operation,
        calls.totalCalls(),
        "≤ " + limit,
        calls.totalCalls() <= limit);
    return calls.row(operation, note);
  }

  @Test
  void transitionsAndOtherWrites() throws Exception {
    FirestoreCalls calls = new FirestoreCalls();
    Firestore counted =
        calls.client(FirestoreEmulator.shared().host(), db.getOptions().getProjectId());
    String id = newIncident();
    String etag = triaged(id);
    String fresh = newIncident();
    String breach = completeBreach();
    // A second instance of the function, whose client (kept from its first request) is the counted
    // one.
    classServer = server;
    IncidentLifecycleUnderTest.db = counted;
    server = FunctionServer.start(IncidentLifecycleUnderTest.class, "http");
    call("GET", "/incidents/" + id, RESPONDER, null, null); // connects the client

    StringBuilder table = new StringBuilder(FirestoreCalls.header());
    calls.reset();
    etag =
        write(
            "POST",
            "/incidents/" + id + "/measures",
            RESPONDER,
            etag,
            "{\"type\":\"CONTAINMENT\",\"description\":\"Isolate the host\",\"status\":\"DONE\"}",
            201);
    table.append(
        counted(
            calls,
            "lifecycle: add a measure",
            "one transaction: one read of the incident, whose document carries the records its "
                + "exit criteria and clocks read, together with the member (confirmed there; "
                + "the instance saw them within 5 minutes), one commit; then the audit event "
                + "marked exported"));
    calls.reset();
    etag =
        write(
            "POST",
            "/incidents/" + id + "/transitions",
            RESPONDER,
            etag,
            "{\"to\":\"CONTAINMENT\"}",
            200);
    table.append(counted(calls, "lifecycle: a transition", "as adding a measure"));
    calls.reset();
    assertThat(
            call(
                    "POST",
                    "/incidents/" + id + "/transitions",
                    RESPONDER,
                    etag,
                    "{\"to\":\"FORENSICS\"}")
                .statusCode())
        .isEqualTo(409);
    table.append(
        counted(
            calls,
            "lifecycle: a transition refused (exit criteria unmet)",
            "the same reads, nothing " + "written"));
    String freshTag = etag(fresh);
    calls.reset();
    write(
        "PUT",
        "/incidents/" + fresh + "/triage",
        RESPONDER,
        freshTag,
        "{\"classification\":\"INCIDENT\",\"severity\":\"P3\"}",
        200);
    table.append(counted(calls, "lifecycle: a triage", "as adding a measure"));
    String breachTag = etag(breach);
    calls.reset();
    breachTag =
        write(
            "POST",
            "/incidents/" + breach + "/evidence",
            RESPONDER,
            breachTag,
            "{\"source\":\"CLOUD_LOGGING\",\"location\":\"gs://forensics/a.json\",\"sha256\":\""
                + HASH
                + "\"}",
            201);
    table.append(counted(calls, "lifecycle: secure evidence", "as adding a measure"));
    calls.reset();
    breachTag =
        write(
            "POST",
            "/incidents/" + breach + "/approvals",
            LEGAL,
            breachTag,
            "{\"audience\":\"SUPERVISORY_AUTHORITY\"}",
            201);
    table.append(
        calls.row(
            "lifecycle: record an approval, the member's first call on this instance",
            "as adding a measure, with the member's record read first (not seen within 5 "
                + "minutes)"));
    calls.reset();
    breachTag =
        write(
            "POST",
            "/incidents/" + breach + "/decisions",
            LEGAL,
            breachTag,
            "{\"type\":\"NOTIFY_AUTHORITY\",\"reasoning\":\"Contact data exposed.\"}",
            201);
    table.append(counted(calls, "lifecycle: log a decision", "as adding a measure"));
    calls.reset();
    write(
        "POST",
        "/incidents/" + breach + "/communications",
        RESPONDER,
        breachTag,
        ("{\"audience\":\"SUPERVISORY_AUTHORITY\",\"channel\":\"portal\",\"summary\":\"Told.\","
                + "\"notification\":\"INITIAL\",\"sentAt\":\"%s\"}")
            .formatted(clock.instant()),
        201);
    table.append(
        counted(
            calls,
            "lifecycle: record a communication",
            "as adding a measure: the approvals the communication gate checks are on the "
                + "incident's copy"));
    calls.reset();
    call("GET", "/incidents/" + id, RESPONDER, null, null);
    table.append(
        counted(
            calls,
            "lifecycle: read an incident",
            "the sign-in's member record, the incident (its unmet criteria from the records' "
                + "copy)"));
    Figures.record("Firestore round trips: incident-lifecycle", table.toString());
    counted.close();
  }
}
