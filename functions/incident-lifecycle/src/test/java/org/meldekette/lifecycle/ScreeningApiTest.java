package org.meldekette.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Is it an incident at all: reports held in a surge are screened in or out by a responder; "not an
 * incident" closes only with the second line's approval, stops every clock and keeps the record.
 */
class ScreeningApiTest extends ServedLifecycle {
  private static JsonObject incident(String id) {
    return body(call("GET", "/incidents/" + id, RESPONDER, null, null));
  }

  private static List<String> statuses(JsonObject incident) {
    List<String> statuses = new ArrayList<>();
    for (JsonElement d : incident.getAsJsonArray("deadlines")) {
      statuses.add(d.getAsJsonObject().get("status").getAsString());
    }
    return statuses;
  }

  @Test
  void aHeldReportRunsNoClockUntilScreenedInThenCountsFromItsReceipt() {
    String id = reported(null, null, true);
    JsonObject held = incident(id);
    assertThat(held.get("held").getAsBoolean()).isTrue();
    assertThat(held.getAsJsonArray("deadlines")).isEmpty();
    assertThat(
            body(call("GET", "/incidents?held=true", RESPONDER, null, null))
                .getAsJsonArray("incidents")
                .toString())
        .contains(id);

    clock.advance(Duration.ofHours(30));
    write(
        "POST",
        "/incidents/" + id + "/screening",
        RESPONDER,
        etag(id),
        "{\"decision\":\"IN\"}",
        200);
    JsonObject in = incident(id);
    assertThat(in.has("held")).isFalse();
    JsonObject triage = deadline(in, "INTERNAL", "TRIAGE");
    assertThat(triage.get("startedAt").getAsString())
        .isEqualTo(held.get("createdAt").getAsString());
    assertThat(triage.get("status").getAsString()).as("24 h from the receipt").isEqualTo("OVERDUE");
    assertThat(
            refused(
                call(
                    "POST",
                    "/incidents/" + id + "/screening",
                    RESPONDER,
                    etag(id),
                    "{\"decision\":\"IN\"}"),
                409))
        .isEqualTo("NOT_HELD");
  }

  @Test
  void aHeldReportScreenedOutIsClosedWithItsReasonAndKept() {
    String id = reported(null, null, true);
    assertThat(
            refused(
                call(
                    "POST",
                    "/incidents/" + id + "/screening",
                    RESPONDER,
                    etag(id),
                    "{\"decision\":\"OUT\",\"reason\":\"SPAM\"}"),
                400))
        .isEqualTo("REQUIRED");
    write(
        "POST",
        "/incidents/" + id + "/screening",
        RESPONDER,
        etag(id),
        "{\"decision\":\"OUT\",\"reason\":\"SPAM\",\"justification\":\"Part of the flood.\"}",
        200);
    JsonObject out = incident(id);
    assertThat(out.get("phase").getAsString()).isEqualTo("CLOSED");
    assertThat(out.get("closure").getAsString()).isEqualTo("SCREENED_OUT");
    assertThat(statuses(out)).as("no clock runs on it").allMatch(s -> s.equals("STOPPED"));
    assertThat(
            body(call("GET", "/incidents/" + id + "/timeline", RESPONDER, null, null)).toString())
        .contains("SCREENED_OUT");
  }

  @Test
  void notAnIncidentTakesTwoPeopleAndStopsEveryClock() {
    String id = reported(null, null);
    String base = "/incidents/" + id;
    String etag =
        write(
            "POST",
            base + "/dismissal-requests",
            RESPONDER,
            etag(id),
            "{\"reason\":\"TEST\",\"justification\":\"A test of the form by the web team.\"}",
            201);
    JsonObject pending =
        body(call("GET", "/dismissal-requests", SECOND_LINE, null, null))
            .getAsJsonArray("dismissalRequests")
            .asList()
            .stream()
            .map(JsonElement::getAsJsonObject)
            .filter(r -> r.get("incidentId").getAsString().equals(id))
            .findFirst()
            .orElseThrow();
    String request = pending.get("id").getAsString();
    assertThat(incident(id).get("phase").getAsString()).isEqualTo("DETECTION_TRIAGE");
    assertThat(
            refused(
                call(
                    "POST",
                    base + "/dismissal-requests",
                    RESPONDER,
                    etag,
                    "{\"reason\":\"SPAM\",\"justification\":\"again\"}"),
                409))
        .isEqualTo("DISMISSAL_PENDING");

    // A responder does not approve it.
    assertThat(
            refused(
                call(
                    "POST",
                    base + "/dismissal-requests/" + request + "/approve",
                    RESPONDER,
                    etag,
                    null),
                403))
        .isEqualTo("FORBIDDEN");
    write(
        "POST", base + "/dismissal-requests/" + request + "/approve", SECOND_LINE, etag, null, 200);

    JsonObject closed = incident(id);
    assertThat(closed.get("closure").getAsString()).isEqualTo("NOT_AN_INCIDENT");
    assertThat(statuses(closed))
        .isNotEmpty()
        .allMatch(s -> s.equals("STOPPED") || s.startsWith("MET"));
    assertThat(closed.has("nextDeadline")).as("no clock runs").isFalse();
  }

  @Test
  void theRequesterCannotApproveTheirOwnAndABreachIsNeverDismissed() {
    String id = reported(null, null);
    String base = "/incidents/" + id;
    String etag =
        write(
            "POST",
            base + "/dismissal-requests",
            RESPONDER_AND_SECOND_LINE,
            etag(id),
            "{\"reason\":\"MISUNDERSTANDING\",\"justification\":\"A support question.\"}",
            201);
    String request =
        body(call("GET", base + "/dismissal-requests", RESPONDER, null, null))
            .getAsJsonArray("dismissalRequests")
            .get(0)
            .getAsJsonObject()
            .get("id")
            .getAsString();
    assertThat(
            refused(
                call(
                    "POST",
                    base + "/dismissal-requests/" + request + "/approve",
                    RESPONDER_AND_SECOND_LINE,
                    etag,
                    null),
                409))
        .isEqualTo("SELF_APPROVAL");

    String breach = reported(null, null);
    write(
        "PUT",
        "/incidents/" + breach + "/triage",
        RESPONDER,
        etag(breach),
        "{\"classification\":\"BREACH\"}",
        200);
    assertThat(
            refused(
                call(
                    "POST",
                    "/incidents/" + breach + "/dismissal-requests",
                    RESPONDER,
                    etag(breach),
                    "{\"reason\":\"SPAM\",\"justification\":\"x\"}"),
                409))
        .isEqualTo("BREACH_NOT_DISMISSED");
  }

  @Test
  void noIncidentLevelClockRunsOnAClosedBreach() throws Exception {
    String id = closedBreach();
    JsonObject closed = incident(id);
    for (JsonElement element : closed.getAsJsonArray("deadlines")) {
      JsonObject d = element.getAsJsonObject();
      String status = d.get("status").getAsString();
      if (!d.get("atClosure").getAsString().equals("OUTLIVES")) {
        assertThat(status)
            .as(d.get("regime").getAsString() + "/" + d.get("stage").getAsString())
            .isIn("MET", "MET_LATE", "MISSED");
      }
    }
    assertThat(deadline(closed, "INTERNAL", "FINAL_REPORT").get("status").getAsString())
        .isEqualTo("OPEN");
  }

  private static JsonObject deadline(JsonObject incident, String regime, String stage) {
    JsonArray all = incident.getAsJsonArray("deadlines");
    for (JsonElement e : all) {
      JsonObject d = e.getAsJsonObject();
      if (d.get("regime").getAsString().equals(regime)
          && d.get("stage").getAsString().equals(stage)) {
        return d;
      }
    }
    throw new AssertionError("no " + regime + "/" + stage + " in " + all);
  }
}
