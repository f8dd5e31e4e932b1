package org.meldekette.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.meldekette.dev.LocalTaskQueue;

/**
 * The team writes to a reporter through the API: directly while the incident was never a breach,
 * through the legal gate once it was; the first message meets the first-response clock. A P1 pages
 * on-call the moment it is triaged.
 */
class ReporterMessagesApiTest extends ServedLifecycle {

  private static JsonObject firstResponseClock(String id) {
    for (JsonElement d :
        body(call("GET", "/incidents/" + id, RESPONDER, null, null)).getAsJsonArray("deadlines")) {
      if (d.getAsJsonObject().get("stage").getAsString().equals("FIRST_RESPONSE")) {
        return d.getAsJsonObject();
      }
    }
    return null;
  }

  private static String message(String text) {
    return "{\"text\":\"" + text + "\"}";
  }

  @Test
  void aResponderAnswersAReporterDirectlyAndTheFirstAnswerMeetsTheFirstResponseClock()
      throws Exception {
    clock.set(START);
    String id = reported(null, null);
    JsonObject open = firstResponseClock(id);
    assertThat(open.get("dueAt").getAsString())
        .isEqualTo(START.plus(Duration.ofHours(48)).toString());
    assertThat(open.get("status").getAsString()).isEqualTo("OPEN");

    clock.advance(Duration.ofHours(3));
    String path = "/incidents/" + id + "/reporter-messages";
    assertThat(refused(call("POST", path, COMMUNICATIONS, etag(id), message("Hi")), 403))
        .isEqualTo("FORBIDDEN");
    assertThat(refused(call("POST", path, RESPONDER, etag(id), message(" ")), 400))
        .isEqualTo("REQUIRED");
    write(
        "POST",
        path,
        RESPONDER,
        etag(id),
        message("Thank you, we could reproduce it and are working on a fix."),
        201);

    JsonArray messages =
        body(call("GET", path, SECOND_LINE, null, null)).getAsJsonArray("messages");
    assertThat(messages).hasSize(1);
    assertThat(messages.get(0).getAsJsonObject().get("direction").getAsString())
        .isEqualTo("TO_REPORTER");
    assertThat(messages.get(0).getAsJsonObject().get("author").getAsString()).isEqualTo(RESPONDER);
    JsonObject met = firstResponseClock(id);
    assertThat(met.get("status").getAsString()).isEqualTo("MET");
    assertThat(met.get("metAt").getAsString()).isEqualTo(clock.instant().toString());
    JsonArray communications =
        body(call("GET", "/incidents/" + id + "/communications", DPO, null, null))
            .getAsJsonArray("communications");
    assertThat(communications.get(0).getAsJsonObject().get("audience").getAsString())
        .isEqualTo("REPORTER");
  }

  @Test
  void aReporterOfABreachHearsFromTheTeamOnlyAfterLegalApproval() throws Exception {
    clock.set(START);
    String id = reported("Erika Mustermann", "erika@example.test");
    write(
        "PUT",
        "/incidents/" + id + "/triage",
        RESPONDER,
        etag(id),
        "{\"classification\":\"BREACH\"}",
        200);
    String path = "/incidents/" + id + "/reporter-messages";
    String etag = etag(id);
    assertThat(refused(call("POST", path, RESPONDER, etag, message("We found a breach.")), 409))
        .isEqualTo("LEGAL_APPROVAL_MISSING");
    assertThat(body(call("GET", path, RESPONDER, null, null)).getAsJsonArray("messages")).isEmpty();
    assertThat(etag(id)).isEqualTo(etag);
    write(
        "POST",
        "/incidents/" + id + "/approvals",
        LEGAL,
        etag,
        "{\"audience\":\"REPORTER\",\"note\":\"Wording agreed.\"}",
        201);
    clock.advance(Duration.ofMinutes(1));
    write("POST", path, RESPONDER, etag(id), message("Thank you for telling us."), 201);
  }

  @Test
  void onlyAReportedIncidentHasAReporterAndTheGenericRouteIsNotTheWayToThem() throws Exception {
    clock.set(START);
    String staffIncident = newIncident();
    assertThat(
            refused(
                call(
                    "POST",
                    "/incidents/" + staffIncident + "/reporter-messages",
                    RESPONDER,
                    etag(staffIncident),
                    message("Hello?")),
                409))
        .isEqualTo("NO_REPORTER_CHANNEL");
    String id = reported(null, null);
    assertThat(
            refused(
                call(
                    "POST",
                    "/incidents/" + id + "/communications",
                    RESPONDER,
                    etag(id),
                    "{\"audience\":\"REPORTER\",\"channel\":\"mail\",\"summary\":\"s\",\"sentAt\":\""
                        + clock.instant()
                        + "\"}"),
                400))
        .isEqualTo("USE_REPORTER_MESSAGES");
  }

  @Test
  void triagingAnIncidentAsP1PagesOnCallOnce() throws Exception {
    clock.set(START);
    String id = newIncident();
    write(
        "PUT",
        "/incidents/" + id + "/triage",
        RESPONDER,
        etag(id),
        "{\"classification\":\"INCIDENT\",\"severity\":\"P2\"}",
        200);
    assertThat(queue.pending()).extracting(LocalTaskQueue.Task::name).doesNotContain(id + "-page");
    write(
        "PUT",
        "/incidents/" + id + "/triage",
        RESPONDER,
        etag(id),
        "{\"classification\":\"INCIDENT\",\"severity\":\"P1\"}",
        200);
    assertThat(queue.pending())
        .extracting(LocalTaskQueue.Task::name)
        .containsOnlyOnce(id + "-page");
  }
}
