package org.meldekette.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meldekette.dev.LocalTaskQueue;

/**
 * The clocks as the staff API shows them, the lists they drive, and the reminders a change queues.
 */
class DeadlinesApiTest extends ServedLifecycle {

  private static String classifiedBreach() throws Exception {
    String id = newIncident();
    write(
        "PUT",
        "/incidents/" + id + "/triage",
        RESPONDER,
        etag(id),
        "{\"classification\":\"BREACH\",\"severity\":\"P2\",\"initialRisk\":\"HIGH\"}",
        200);
    return id;
  }

  private static JsonObject deadline(JsonObject incident, String stage) {
    for (JsonElement d : incident.getAsJsonArray("deadlines")) {
      if (d.getAsJsonObject().get("stage").getAsString().equals(stage)) {
        return d.getAsJsonObject();
      }
    }
    return null;
  }

  @Test
  void anIncidentShowsEveryRunningClockEarliestFirstWithTimeLeftAndQueuesTheirReminders()
      throws Exception {
    clock.set(START);
    String id = classifiedBreach();
    clock.advance(Duration.ofHours(2));
    JsonObject incident = body(call("GET", "/incidents/" + id, RESPONDER, null, null));

    List<String> stages = new ArrayList<>();
    incident
        .getAsJsonArray("deadlines")
        .forEach(d -> stages.add(d.getAsJsonObject().get("stage").getAsString()));
    assertThat(stages).containsExactly("ESCALATION", "TRIAGE", "ART33", "ART34");
    JsonObject art33 = deadline(incident, "ART33");
    assertThat(art33.get("dueAt").getAsString()).isEqualTo("2026-11-25T08:00:00Z");
    assertThat(art33.get("status").getAsString()).isEqualTo("OPEN");
    assertThat(art33.get("secondsLeft").getAsLong()).isEqualTo(Duration.ofHours(70).getSeconds());
    assertThat(incident.getAsJsonObject("nextDeadline").get("stage").getAsString())
        .isEqualTo("ESCALATION");

    List<String> queued =
        queue.pending().stream()
            .map(LocalTaskQueue.Task::name)
            .filter(n -> n.startsWith(id))
            .toList();
    long due = java.time.Instant.parse("2026-11-25T08:00:00Z").getEpochSecond();
    assertThat(queued)
        .contains(
            id + "-GDPR-ART33-before-48h-" + due,
            id + "-GDPR-ART33-due-" + due,
            id + "-GDPR-ART34-before-24h-" + due,
            id
                + "-INTERNAL-ESCALATION-due-"
                + java.time.Instant.parse("2026-11-22T12:00:00Z").getEpochSecond());
  }

  @Test
  void aLateNotificationDecisionWithoutTheReasonsForTheDelayIsRefused() throws Exception {
    clock.set(START);
    String id = classifiedBreach();
    clock.advance(Duration.ofHours(73));
    String etag = etag(id);
    var refused =
        call(
            "POST",
            "/incidents/" + id + "/decisions",
            LEGAL,
            etag,
            "{\"type\":\"NOTIFY_AUTHORITY\",\"reasoning\":\"Risk for 1200 customers.\"}");
    assertThat(refused(refused, 400)).isEqualTo("REQUIRED");
    assertThat(body(refused).getAsJsonObject("error").get("field").getAsString())
        .isEqualTo("delayReasons");
    write(
        "POST",
        "/incidents/" + id + "/decisions",
        LEGAL,
        etag,
        "{\"type\":\"NOTIFY_AUTHORITY\",\"reasoning\":\"Risk for 1200 customers.\","
            + "\"delayReasons\":\"The processor confirmed the scope only on day 3.\"}",
        201);
    JsonObject decided =
        deadline(body(call("GET", "/incidents/" + id, RESPONDER, null, null)), "ART33");
    assertThat(decided.get("status").getAsString())
        .as("a decision to notify is not the notification")
        .isEqualTo("OVERDUE");
    assertThat(decided.get("progress").getAsString()).isEqualTo("DECIDED_NOT_SENT");

    clock.advance(Duration.ofHours(2));
    write(
        "POST",
        "/incidents/" + id + "/approvals",
        LEGAL,
        etag(id),
        "{\"audience\":\"SUPERVISORY_AUTHORITY\"}",
        201);
    String notification =
        "{\"audience\":\"SUPERVISORY_AUTHORITY\",\"notification\":\"INITIAL\","
            + "\"channel\":\"portal\",\"summary\":\"Initial notification.\",\"sentAt\":\""
            + clock.instant()
            + "\"%s}";
    var unexplained =
        call(
            "POST",
            "/incidents/" + id + "/communications",
            RESPONDER,
            etag(id),
            notification.formatted(""));
    assertThat(refused(unexplained, 400)).isEqualTo("REQUIRED");
    write(
        "POST",
        "/incidents/" + id + "/communications",
        RESPONDER,
        etag(id),
        notification.formatted(
            ",\"delayReasons\":\"The processor confirmed the scope only on day 3.\""),
        201);
    JsonObject met =
        deadline(body(call("GET", "/incidents/" + id, RESPONDER, null, null)), "ART33");
    assertThat(met.get("status").getAsString()).isEqualTo("MET_LATE");
    assertThat(met.get("metAt").getAsString()).isEqualTo(clock.instant().toString());
  }

  @Test
  void overdueIncidentsCanBeListedAndAllSortedByTheirNextDeadline() throws Exception {
    clock.set(START.plus(Duration.ofDays(30)));
    String older = classifiedBreach();
    clock.advance(Duration.ofHours(1));
    String newer = classifiedBreach();
    clock.advance(Duration.ofHours(5)); // both escalation targets (4 h) are overdue now

    JsonArray overdue =
        body(call("GET", "/incidents?overdue=true&pageSize=200", RESPONDER, null, null))
            .getAsJsonArray("incidents");
    List<String> ids = new ArrayList<>();
    overdue.forEach(i -> ids.add(i.getAsJsonObject().get("id").getAsString()));
    assertThat(ids).containsSubsequence(older, newer);
    assertThat(
            overdue
                .get(0)
                .getAsJsonObject()
                .getAsJsonObject("nextDeadline")
                .get("status")
                .getAsString())
        .isEqualTo("OVERDUE");

    write(
        "POST",
        "/incidents/" + older + "/acknowledgements",
        "dpo@meldekette.test",
        etag(older),
        null,
        200);
    JsonArray sorted =
        body(call("GET", "/incidents?sort=nextDeadline&pageSize=200", RESPONDER, null, null))
            .getAsJsonArray("incidents");
    List<String> order = new ArrayList<>();
    sorted.forEach(i -> order.add(i.getAsJsonObject().get("id").getAsString()));
    assertThat(order.indexOf(newer)).isLessThan(order.indexOf(older));
    assertThat(refused(call("GET", "/incidents?sort=severity", RESPONDER, null, null), 400))
        .isEqualTo("INVALID_VALUE");
  }

  @Test
  void theFinalReportIsIssuedOnlyAfterClosureAndOnce() throws Exception {
    clock.set(START);
    String id = newIncident();
    assertThat(
            refused(
                call(
                    "POST",
                    "/incidents/" + id + "/final-report/issued",
                    SECOND_LINE,
                    etag(id),
                    null),
                409))
        .isEqualTo("INCIDENT_NOT_CLOSED");
  }
}
