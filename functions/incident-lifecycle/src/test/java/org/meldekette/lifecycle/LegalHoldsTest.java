package org.meldekette.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.meldekette.domain.LegalHold;

/** Legal holds block erasure while any stands; only LEGAL or the DPO place and release them. */
class LegalHoldsTest extends ServedLifecycle {

  private static JsonObject check(String subject) {
    HttpResponse<String> response =
        call("GET", "/erasure-check?subject=" + subject, ERASURE, null, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return body(response);
  }

  private static String place(String who, String subject, String reason, String incidentId) {
    HttpResponse<String> response =
        call(
            "POST",
            "/legal-holds",
            who,
            null,
            """
        {"subject":"%s","reason":"%s","reasonCodes":["LIT-2026-014"],"justification":"Claim filed with the court.",
         "incidentId":%s}"""
                .formatted(
                    subject, reason, incidentId == null ? "null" : "\"" + incidentId + "\""));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return body(response).get("id").getAsString();
  }

  @Test
  void erasureIsBlockedWhileAnyHoldStandsAndFreeWhenAllAreReleased() {
    String subject = "account:7f3a9c01";
    assertThat(check(subject).get("mayErase").getAsBoolean()).isTrue();
    String dispute = place(LEGAL, subject, "OPEN_DISPUTE", null);
    String fraud = place(DPO, subject, "FRAUD_REVIEW", null);

    JsonObject blocked = check(subject);
    assertThat(blocked.get("mayErase").getAsBoolean()).isFalse();
    assertThat(blocked.getAsJsonArray("blockingHolds")).hasSize(2);
    assertThat(blocked.toString()).doesNotContain("Claim filed").doesNotContain(LEGAL);

    assertThat(
            refused(call("POST", "/legal-holds/" + dispute + "/release", LEGAL, null, "{}"), 400))
        .isEqualTo("REQUIRED");
    assertThat(
            call(
                    "POST",
                    "/legal-holds/" + dispute + "/release",
                    LEGAL,
                    null,
                    "{\"justification\":\"Dispute settled on 2026-11-20.\"}")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            refused(
                call(
                    "POST",
                    "/legal-holds/" + dispute + "/release",
                    DPO,
                    null,
                    "{\"justification\":\"again\"}"),
                409))
        .isEqualTo("HOLD_ALREADY_RELEASED");
    assertThat(check(subject).get("mayErase").getAsBoolean()).isFalse();

    call(
        "POST",
        "/legal-holds/" + fraud + "/release",
        DPO,
        null,
        "{\"justification\":\"Review closed, no fraud.\"}");
    JsonObject free = check(subject);
    assertThat(free.get("mayErase").getAsBoolean()).isTrue();
    assertThat(free.getAsJsonArray("blockingHolds")).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(LegalHold.Reason.class)
  void eachReasonBlocksErasure(LegalHold.Reason reason) {
    String subject = "data-subject:" + reason.name().toLowerCase().replace('_', '-');
    place(LEGAL, subject, reason.name(), null);
    JsonObject blocked = check(subject);
    assertThat(blocked.get("mayErase").getAsBoolean()).isFalse();
    assertThat(
            blocked
                .getAsJsonArray("blockingHolds")
                .get(0)
                .getAsJsonObject()
                .get("reason")
                .getAsString())
        .isEqualTo(reason.name());
  }

  @Test
  void onlyLegalOrTheDpoPlaceAndReleaseAndOnlyTheErasureWorkflowAndTheyCheck() {
    String body =
        "{\"subject\":\"account:roles\",\"reason\":\"LEGAL_HOLD\",\"reasonCodes\":[\"X\"],"
            + "\"justification\":\"j\"}";
    for (String who : new String[] {RESPONDER, SECOND_LINE, ADMIN, COMMUNICATIONS, ERASURE}) {
      assertThat(call("POST", "/legal-holds", who, null, body).statusCode()).as(who).isEqualTo(403);
    }
    String hold = place(LEGAL, "account:roles", "LEGAL_HOLD", null);
    for (String who : new String[] {RESPONDER, SECOND_LINE, ERASURE}) {
      assertThat(
              call(
                      "POST",
                      "/legal-holds/" + hold + "/release",
                      who,
                      null,
                      "{\"justification\":\"j\"}")
                  .statusCode())
          .as(who)
          .isEqualTo(403);
      assertThat(call("GET", "/legal-holds?subject=account:roles", who, null, null).statusCode())
          .as(who)
          .isEqualTo(403);
    }
    assertThat(
            call("GET", "/erasure-check?subject=account:roles", RESPONDER, null, null).statusCode())
        .isEqualTo(403);
    assertThat(check("account:roles").get("mayErase").getAsBoolean()).isFalse();
  }

  @Test
  void aHoldNamesItsSubjectByAPseudonymousReferenceAndKeepsNoProfileData() throws Exception {
    assertThat(
            refused(
                call(
                    "POST",
                    "/legal-holds",
                    LEGAL,
                    null,
                    """
        {"subject":"erika.mustermann@example.org","reason":"LEGAL_HOLD","reasonCodes":["X"],"justification":"j"}"""),
                400))
        .isEqualTo("NOT_PSEUDONYMOUS");
    assertThat(
            refused(
                call(
                    "POST",
                    "/legal-holds",
                    LEGAL,
                    null,
                    """
        {"subject":"Erika Mustermann","reason":"LEGAL_HOLD","reasonCodes":["X"],"justification":"j"}"""),
                400))
        .isEqualTo("NOT_PSEUDONYMOUS");
    assertThat(
            refused(
                call(
                    "POST",
                    "/legal-holds",
                    LEGAL,
                    null,
                    """
        {"subject":"account:1","reason":"LEGAL_HOLD","reasonCodes":[],"justification":"j"}"""),
                400))
        .isEqualTo("REQUIRED");
    assertThat(
            refused(
                call(
                    "POST",
                    "/legal-holds",
                    LEGAL,
                    null,
                    """
        {"subject":"account:1","reason":"LEGAL_HOLD","reasonCodes":["X"],"justification":"j","profile":{"name":"E"}}"""),
                400))
        .isEqualTo("UNKNOWN_FIELD");
    assertThat(
            refused(
                call("GET", "/erasure-check?subject=erika@example.org", ERASURE, null, null), 400))
        .isEqualTo("NOT_PSEUDONYMOUS");

    String hold = place(DPO, "account:minimal", "LEGAL_HOLD", null);
    assertThat(db.collection("legal-holds").document(hold).get().get().getData().keySet())
        .isEqualTo(
            Set.of(
                "id",
                "subject",
                "reason",
                "reasonCodes",
                "justification",
                "incidentId",
                "placedBy",
                "placedAt",
                "releasedBy",
                "releasedAt",
                "releaseJustification",
                "active",
                "auditSequence",
                "auditHash"));
  }

  @Test
  void placingOrReleasingAHoldOnAnIncidentTellsTheEvidenceVaultToChangeItsObjectsHolds()
      throws Exception {
    String incident = newIncident();
    java.util.function.Supplier<Long> vaultTasks =
        () ->
            queue.pending().stream()
                .filter(t -> t.name().startsWith("vault-holds-" + incident + "-"))
                .filter(t -> t.url().endsWith("/tasks/holds"))
                .filter(t -> t.body().contains(incident))
                .count();
    String hold = place(LEGAL, "account:vaulted", "FRAUD_REVIEW", incident);
    assertThat(vaultTasks.get()).isEqualTo(1);
    clock.advance(java.time.Duration.ofMillis(1));
    call("POST", "/legal-holds/" + hold + "/release", DPO, null, "{\"justification\":\"Done.\"}");
    assertThat(vaultTasks.get()).isEqualTo(2);
    place(LEGAL, "account:unrelated", "LEGAL_HOLD", null);
    assertThat(vaultTasks.get()).as("a hold on no incident").isEqualTo(2);
  }

  @Test
  void placingAndReleasingAreInTheAuditTrailOfTheHoldAndOfItsIncident() throws Exception {
    String incident = newIncident();
    String hold = place(LEGAL, "account:audited", "LEGAL_HOLD", incident);
    call(
        "POST",
        "/legal-holds/" + hold + "/release",
        DPO,
        null,
        "{\"justification\":\"Court case withdrawn.\"}");

    var events =
        body(call("GET", "/incidents/" + incident + "/audit", RESPONDER, null, null))
            .getAsJsonArray("events");
    assertThat(events).hasSize(3); // the incident opened, the hold placed and released
    assertThat(events.get(1).getAsJsonObject().get("type").getAsString())
        .isEqualTo("LEGAL_HOLD_PLACED");
    assertThat(events.get(1).getAsJsonObject().getAsJsonObject("actor").get("role").getAsString())
        .isEqualTo("LEGAL");
    assertThat(events.get(2).getAsJsonObject().get("type").getAsString())
        .isEqualTo("LEGAL_HOLD_RELEASED");
    assertThat(events.get(2).getAsJsonObject().get("stream").getAsString())
        .isEqualTo("legal-holds/" + hold);
    var timeline =
        body(call("GET", "/incidents/" + incident + "/timeline", RESPONDER, null, null))
            .getAsJsonArray("entries");
    assertThat(timeline).hasSize(3);
    assertThat(
            refused(
                call(
                    "POST",
                    "/legal-holds",
                    LEGAL,
                    null,
                    """
        {"subject":"account:x","reason":"LEGAL_HOLD","reasonCodes":["X"],"justification":"j",
         "incidentId":"INC-20261122-NONE00"}"""),
                400))
        .isEqualTo("NOT_FOUND");
    assertThat(Map.of()).isEmpty();
  }
}
