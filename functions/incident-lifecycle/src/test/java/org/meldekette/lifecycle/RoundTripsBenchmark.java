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

  @Test
  void transitionsAndOtherWrites() throws Exception {
    FirestoreCalls calls = new FirestoreCalls();
    Firestore counted =
        calls.client(FirestoreEmulator.shared().host(), db.getOptions().getProjectId());
    String id = newIncident();
    String etag = triaged(id);
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
        calls.row(
            "lifecycle: add a measure",
            "one transaction (incident, then the records the exit "
                + "criteria need), then the audit event marked exported"));
    calls.reset();
    etag =
        write(
            "POST",
            "/incidents/" + id + "/transitions",
            RESPONDER,
            etag,
            "{\"to\":\"CONTAINMENT\"}",
            200);
    table.append(
        calls.row(
            "lifecycle: a transition",
            "one transaction: the incident and the records its exit "
                + "criteria are checked against, one commit; then the export mark"));
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
        calls.row(
            "lifecycle: a transition refused (exit criteria unmet)",
            "the same reads, nothing " + "written"));
    calls.reset();
    call("GET", "/incidents/" + id, RESPONDER, null, null);
    table.append(
        calls.row(
            "lifecycle: read an incident",
            "the sign-in's member record, the incident, the records " + "for its unmet criteria"));
    Figures.record("Firestore round trips: incident-lifecycle", table.toString());
    counted.close();
  }
}
