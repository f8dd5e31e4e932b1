package org.meldekette.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Marking an incident significant (NIS2) or major (DORA) shows their clocks beside GDPR's, with
 * drafts.
 */
class RegimesApiTest extends ServedLifecycle {

  @Test
  void everyRunningClockIsShownSideBySideEarliestFirst() throws Exception {
    clock.set(START);
    String id = newIncident();
    String etag =
        write(
            "PUT",
            "/incidents/" + id + "/triage",
            RESPONDER,
            etag(id),
            "{\"classification\":\"BREACH\"}",
            200);
    etag =
        write(
            "PUT",
            "/incidents/" + id + "/regimes/NIS2",
            SECOND_LINE,
            etag,
            "{\"awareAt\":\"2026-11-22T06:00:00Z\",\"justification\":\"Outage of a digital service for 30% of users.\"}",
            200);
    write(
        "PUT",
        "/incidents/" + id + "/regimes/DORA",
        LEGAL,
        etag,
        "{\"triggeredAt\":\"2026-11-22T07:00:00Z\",\"awareAt\":\"2026-11-22T07:00:00Z\"}",
        200);

    JsonObject incident = body(call("GET", "/incidents/" + id, RESPONDER, null, null));
    List<String> order = new ArrayList<>();
    List<String> due = new ArrayList<>();
    incident
        .getAsJsonArray("deadlines")
        .forEach(
            d -> {
              order.add(
                  d.getAsJsonObject().get("regime").getAsString()
                      + "/"
                      + d.getAsJsonObject().get("stage").getAsString());
              due.add(d.getAsJsonObject().get("dueAt").getAsString());
            });
    assertThat(order)
        .containsExactly(
            "DORA/INITIAL_NOTIFICATION",
            "INTERNAL/ESCALATION",
            "NIS2/EARLY_WARNING",
            "INTERNAL/TRIAGE",
            "NIS2/INCIDENT_NOTIFICATION",
            "GDPR/ART33");
    assertThat(due).isSorted();
    assertThat(due.get(0)).isEqualTo("2026-11-22T11:00:00Z");
    assertThat(incident.getAsJsonObject("nextDeadline").get("regime").getAsString())
        .isEqualTo("DORA");
    assertThat(queue.pending())
        .anyMatch(t -> t.name().startsWith(id + "-DORA-INITIAL_NOTIFICATION-before-2h"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"de", "en"})
  void theNis2EarlyWarningDraftListsWhatIsStillMissing(String lang) throws Exception {
    clock.set(START);
    String id = newIncident();
    write("PUT", "/incidents/" + id + "/regimes/NIS2", RESPONDER, etag(id), "{}", 200);
    JsonObject draft =
        body(
            call(
                "GET",
                "/incidents/" + id + "/drafts/stages/NIS2/EARLY_WARNING?lang=" + lang,
                LEGAL,
                null,
                null));
    List<String> missing = new ArrayList<>();
    draft.getAsJsonArray("missing").forEach(m -> missing.add(m.getAsString()));
    assertThat(missing).containsExactly("maliciousActSuspected", "crossBorderImpact");

    write(
        "PUT",
        "/incidents/" + id + "/assessment",
        LEGAL,
        etag(id),
        "{\"maliciousActSuspected\":true,\"crossBorderImpact\":false}",
        200);
    JsonObject complete =
        body(
            call(
                "GET",
                "/incidents/" + id + "/drafts/stages/NIS2/EARLY_WARNING?lang=" + lang,
                LEGAL,
                null,
                null));
    assertThat(complete.getAsJsonArray("missing")).isEmpty();
    assertThat(complete.get("text").getAsString())
        .contains(lang.equals("de") ? "NIS2-Frühwarnung" : "NIS2 early warning")
        .contains(lang.equals("de") ? "ja" : "yes")
        .contains(lang.equals("de") ? "nein" : "no");
  }

  @Test
  void recordingTheEarlyWarningMeetsThatStageOnly() throws Exception {
    clock.set(START);
    String id = newIncident();
    write("PUT", "/incidents/" + id + "/regimes/NIS2", RESPONDER, etag(id), "{}", 200);
    write(
        "POST",
        "/incidents/" + id + "/approvals",
        LEGAL,
        etag(id),
        "{\"audience\":\"COMPETENT_AUTHORITY\"}",
        201);
    assertThat(
            refused(
                call(
                    "POST",
                    "/incidents/" + id + "/communications",
                    LEGAL,
                    etag(id),
                    """
        {"audience":"COMPETENT_AUTHORITY","channel":"CSIRT portal","summary":"Early warning",
         "sentAt":"2026-11-22T08:00:00Z","stage":"NIS2/EARLY_WARNINGS"}"""),
                400))
        .isEqualTo("UNKNOWN_STAGE");
    clock.advance(Duration.ofHours(5));
    write(
        "POST",
        "/incidents/" + id + "/communications",
        LEGAL,
        etag(id),
        """
        {"audience":"COMPETENT_AUTHORITY","channel":"CSIRT portal","summary":"Early warning",
         "sentAt":"2026-11-22T13:00:00Z","stage":"NIS2/EARLY_WARNING"}""",
        201);
    JsonObject incident = body(call("GET", "/incidents/" + id, RESPONDER, null, null));
    incident
        .getAsJsonArray("deadlines")
        .forEach(
            d -> {
              JsonObject deadline = d.getAsJsonObject();
              String key =
                  deadline.get("regime").getAsString() + "/" + deadline.get("stage").getAsString();
              if (key.equals("NIS2/EARLY_WARNING")) {
                assertThat(deadline.get("status").getAsString()).isEqualTo("MET");
              } else if (key.startsWith("NIS2/")) {
                assertThat(deadline.get("status").getAsString()).isEqualTo("OPEN");
              }
            });
  }

  @Test
  void aRegimeThatIsNotSwitchedOnCannotBeMarked() throws Exception {
    String id = newIncident();
    assertThat(
            refused(
                call("PUT", "/incidents/" + id + "/regimes/KRITIS", RESPONDER, etag(id), "{}"),
                404))
        .isEqualTo("NOT_FOUND");
    assertThat(
            refused(
                call("PUT", "/incidents/" + id + "/regimes/GDPR", RESPONDER, etag(id), "{}"), 404))
        .isEqualTo("NOT_FOUND");
    assertThat(
            refused(
                call(
                    "PUT",
                    "/incidents/" + id + "/regimes/NIS2",
                    RESPONDER,
                    etag(id),
                    "{\"triggeredAt\":\"2026-11-22T06:00:00Z\",\"awareAt\":\"2026-11-22T07:00:00Z\"}"),
                400))
        .isEqualTo("AFTER_TRIGGER");
  }
}
