package org.meldekette.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A breach walked through all five phases to closed; each phase's exit criteria block until they
 * hold.
 */
class BreachWalkthroughTest extends ServedLifecycle {
  private static final String HASH =
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  @Test
  void aBreachGoesThroughEveryPhaseAndEachExitCriterionBlocksUntilMet() throws Exception {
    String id = newIncident();
    String base = "/incidents/" + id;
    String etag = etag(id);

    // 1 Detection & Triage: nothing recorded yet, then an incomplete triage.
    HttpResponse<String> blocked =
        call("POST", base + "/transitions", RESPONDER, etag, "{\"to\":\"CONTAINMENT\"}");
    assertThat(refused(blocked, 409)).isEqualTo("EXIT_CRITERIA_UNMET");
    assertThat(unmet(blocked)).containsExactly("TRIAGE_MISSING");

    etag =
        write(
            "PUT",
            base + "/triage",
            RESPONDER,
            etag,
            """
        {"classification":"BREACH","severity":"P2"}""",
            200);
    blocked = call("POST", base + "/transitions", RESPONDER, etag, "{\"to\":\"CONTAINMENT\"}");
    assertThat(unmet(blocked))
        .containsExactly(
            "CIA_IMPACT_MISSING",
            "AFFECTED_SYSTEMS_MISSING",
            "DATA_DOMAINS_MISSING",
            "INITIAL_RISK_MISSING",
            "DATA_CATEGORIES_MISSING",
            "DATA_SUBJECTS_ESTIMATE_MISSING",
            "RECORDS_ESTIMATE_MISSING");

    clock.advance(Duration.ofMinutes(30));
    etag =
        write(
            "PUT",
            base + "/triage",
            RESPONDER,
            etag,
            """
        {"classification":"BREACH","severity":"P2",
         "cia":{"confidentiality":"HIGH","integrity":"LOW","availability":"NONE"},
         "scope":"Customer export bucket readable by anyone with the link",
         "affectedSystems":["export-bucket"],"dataDomains":["user profiles"],
         "dataCategories":["name","email address","postal address"],
         "estimatedDataSubjects":1200,"estimatedRecords":1250,"initialRisk":"HIGH"}""",
            200);
    JsonObject incident = body(call("GET", base, RESPONDER, null, null));
    // Awareness defaults to the moment of the first classification as breach (before the clock
    // moved).
    assertThat(incident.getAsJsonObject("triage").get("awarenessAt").getAsString())
        .isEqualTo("2026-11-22T08:00:00Z");
    assertThat(incident.getAsJsonArray("unmetExitCriteria")).isEmpty();
    etag = write("POST", base + "/transitions", RESPONDER, etag, "{\"to\":\"CONTAINMENT\"}", 200);

    // 2 Containment: a measure alone is not enough, its effectiveness must be recorded.
    String measure =
        body(call(
                "POST",
                base + "/measures",
                RESPONDER,
                etag,
                """
        {"type":"CONTAINMENT","containmentKind":"ACCESS_REVOCATION","description":"Bucket made private",
         "owner":"ops-oncall"}"""))
            .get("id")
            .getAsString();
    etag = etag(id);
    blocked = call("POST", base + "/transitions", RESPONDER, etag, "{\"to\":\"FORENSICS\"}");
    assertThat(unmet(blocked)).containsExactly("CONTAINMENT_MEASURE_MISSING");
    etag =
        write(
            "PATCH",
            base + "/measures/" + measure,
            RESPONDER,
            etag,
            """
        {"status":"DONE","effectiveness":{"result":"EFFECTIVE","note":"Anonymous access returns 403"}}""",
            200);
    etag = write("POST", base + "/transitions", RESPONDER, etag, "{\"to\":\"FORENSICS\"}", 200);

    // 3 Forensics: evidence, or a justified statement that none exists.
    blocked = call("POST", base + "/transitions", RESPONDER, etag, "{\"to\":\"LEGAL_ASSESSMENT\"}");
    assertThat(unmet(blocked)).containsExactly("EVIDENCE_MISSING");
    etag =
        write(
            "POST",
            base + "/evidence",
            RESPONDER,
            etag,
            """
        {"source":"CLOUD_LOGGING","location":"gs://forensics-exports/INC/bucket-access.json",
         "sha256":"%s","description":"Data access logs of the bucket, 30 days"}"""
                .formatted(HASH),
            201);
    etag =
        write("POST", base + "/transitions", RESPONDER, etag, "{\"to\":\"LEGAL_ASSESSMENT\"}", 200);
    // The DPO takes the escalation: closing would otherwise record it as missed, with a reason.
    etag = write("POST", base + "/acknowledgements", DPO, etag, null, 200);

    // 4 Legal assessment: Art. 33 and, as the risk is high, Art. 34, signed by legal or the DPO.
    blocked = call("POST", base + "/transitions", RESPONDER, etag, "{\"to\":\"RECOVERY_CLOSURE\"}");
    assertThat(unmet(blocked))
        .containsExactly("ART_33_DECISION_MISSING", "ART_34_DECISION_MISSING");
    etag =
        write(
            "POST",
            base + "/decisions",
            LEGAL,
            etag,
            """
        {"type":"NOTIFY_AUTHORITY","reasoning":"Contact data of 1200 customers exposed; risk cannot be excluded."}""",
            201);
    blocked = call("POST", base + "/transitions", RESPONDER, etag, "{\"to\":\"RECOVERY_CLOSURE\"}");
    assertThat(unmet(blocked)).containsExactly("ART_34_DECISION_MISSING");
    etag =
        write(
            "POST",
            base + "/decisions",
            DPO,
            etag,
            """
        {"type":"NOTIFY_DATA_SUBJECTS","reasoning":"Postal addresses with names: phishing risk is high."}""",
            201);
    etag =
        write("POST", base + "/transitions", RESPONDER, etag, "{\"to\":\"RECOVERY_CLOSURE\"}", 200);

    // 5 Recovery & closure: corrective and preventive measures, each with owner and due date;
    // the decided notifications sent; regular operation restored.
    blocked = call("POST", base + "/transitions", RESPONDER, etag, "{\"to\":\"CLOSED\"}");
    assertThat(unmet(blocked))
        .containsExactlyInAnyOrder(
            "CORRECTIVE_MEASURE_MISSING",
            "PREVENTIVE_MEASURE_MISSING",
            "OPERATION_NOT_RESTORED",
            "NOTIFICATION_NOT_SENT",
            "NOTIFICATION_NOT_SENT",
            "CLOCK_OPEN", // Art. 33 and Art. 34: closing waits for the notifications themselves
            "CLOCK_OPEN");
    etag = notified(id, etag, "SUPERVISORY_AUTHORITY", ",\"notification\":\"INITIAL\"");
    etag = notified(id, etag, "DATA_SUBJECTS", "");
    etag = restored(id, etag);
    etag =
        write(
            "POST",
            base + "/measures",
            RESPONDER,
            etag,
            """
        {"type":"CORRECTIVE","description":"Rotate the export links","owner":"platform-team",
         "dueAt":"2026-11-30T17:00:00+01:00"}""",
            201);
    String preventive =
        body(call(
                "POST",
                base + "/measures",
                RESPONDER,
                etag,
                """
        {"type":"PREVENTIVE","description":"Org policy: no public buckets"}"""))
            .get("id")
            .getAsString();
    etag = etag(id);
    blocked = call("POST", base + "/transitions", RESPONDER, etag, "{\"to\":\"CLOSED\"}");
    assertThat(unmet(blocked)).containsExactly("MEASURE_OWNER_OR_DUE_DATE_MISSING");
    etag =
        write(
            "PATCH",
            base + "/measures/" + preventive,
            RESPONDER,
            etag,
            """
        {"owner":"security-architecture","dueAt":"2026-12-15T17:00:00+01:00"}""",
            200);
    clock.advance(Duration.ofDays(3));
    etag = write("POST", base + "/transitions", RESPONDER, etag, "{\"to\":\"CLOSED\"}", 200);

    incident = body(call("GET", base, RESPONDER, null, null));
    assertThat(incident.get("phase").getAsString()).isEqualTo("CLOSED");
    assertThat(incident.get("closedAt").getAsString()).isEqualTo("2026-11-25T08:30:00Z");
    assertThat(incident.get("finalReportDueAt").getAsString()).isEqualTo("2026-12-09T08:30:00Z");
    assertThat(
            call("POST", base + "/transitions", RESPONDER, etag, "{\"to\":\"CLOSED\"}")
                .statusCode())
        .isEqualTo(409);

    List<String> types = new ArrayList<>();
    List<String> phases = new ArrayList<>();
    JsonArray entries =
        body(call("GET", base + "/timeline?pageSize=200", RESPONDER, null, null))
            .getAsJsonArray("entries");
    for (JsonElement entry : entries) {
      JsonObject e = entry.getAsJsonObject();
      types.add(e.get("type").getAsString());
      if (e.get("type").getAsString().equals("PHASE_CHANGED")) {
        phases.add(e.getAsJsonObject("after").get("phase").getAsString());
      }
    }
    assertThat(phases)
        .containsExactly(
            "CONTAINMENT", "FORENSICS", "LEGAL_ASSESSMENT", "RECOVERY_CLOSURE", "CLOSED");
    assertThat(types)
        .containsSubsequence(
            "TRIAGE_RECORDED",
            "TRIAGE_RECORDED",
            "PHASE_CHANGED",
            "MEASURE_ADDED",
            "MEASURE_CHANGED",
            "PHASE_CHANGED",
            "EVIDENCE_ADDED",
            "PHASE_CHANGED",
            "DECISION_LOGGED",
            "DECISION_LOGGED",
            "PHASE_CHANGED",
            "MEASURE_ADDED",
            "MEASURE_ADDED",
            "MEASURE_CHANGED",
            "PHASE_CHANGED");
    JsonObject last = entries.get(entries.size() - 1).getAsJsonObject();
    assertThat(last.getAsJsonObject("actor").get("id").getAsString()).isEqualTo(RESPONDER);
    assertThat(last.getAsJsonObject("before").get("phase").getAsString())
        .isEqualTo("RECOVERY_CLOSURE");
  }

  @Test
  void
      aPlainIncidentNeedsTheNoPersonalDataDecisionAndForensicsMayEndWithAJustifiedNoEvidenceStatement()
          throws Exception {
    String id = newIncident();
    String base = "/incidents/" + id;
    String etag =
        write(
            "PUT",
            base + "/triage",
            RESPONDER,
            etag(id),
            """
        {"classification":"INCIDENT","severity":"P4",
         "cia":{"confidentiality":"NONE","integrity":"NONE","availability":"LOW"},
         "affectedSystems":["status-page"],"dataDomains":["infrastructure"],"initialRisk":"LOW"}""",
            200);
    etag = write("POST", base + "/transitions", RESPONDER, etag, "{\"to\":\"CONTAINMENT\"}", 200);
    String measure =
        body(call(
                "POST",
                base + "/measures",
                RESPONDER,
                etag,
                """
        {"type":"CONTAINMENT","containmentKind":"SERVICE_ISOLATION","description":"Status page behind CDN"}"""))
            .get("id")
            .getAsString();
    etag =
        write(
            "PATCH",
            base + "/measures/" + measure,
            RESPONDER,
            etag(id),
            "{\"effectiveness\":{\"result\":\"EFFECTIVE\"}}",
            200);
    etag = write("POST", base + "/transitions", RESPONDER, etag, "{\"to\":\"FORENSICS\"}", 200);

    assertThat(
            refused(
                call(
                    "POST",
                    base + "/transitions",
                    RESPONDER,
                    etag,
                    "{\"to\":\"LEGAL_ASSESSMENT\",\"noEvidenceJustification\":\"  \"}"),
                409))
        .isEqualTo("EXIT_CRITERIA_UNMET");
    etag =
        write(
            "POST",
            base + "/transitions",
            RESPONDER,
            etag,
            "{\"to\":\"LEGAL_ASSESSMENT\",\"noEvidenceJustification\":\"Outage only; no logs beyond the CDN metrics.\"}",
            200);

    assertThat(
            refused(
                call(
                    "POST",
                    base + "/decisions",
                    LEGAL,
                    etag,
                    "{\"type\":\"NO_AUTHORITY_NOTIFICATION\",\"reasoning\":\"n/a\"}"),
                409))
        .isEqualTo("DECISION_CONTRADICTS_CLASSIFICATION");
    HttpResponse<String> blocked =
        call("POST", base + "/transitions", RESPONDER, etag, "{\"to\":\"RECOVERY_CLOSURE\"}");
    assertThat(unmet(blocked)).containsExactly("NO_PERSONAL_DATA_DECISION_MISSING");
    etag =
        write(
            "POST",
            base + "/decisions",
            LEGAL,
            etag,
            "{\"type\":\"NO_PERSONAL_DATA_AFFECTED\",\"reasoning\":\"Static status page; no personal data.\"}",
            201);
    write("POST", base + "/transitions", RESPONDER, etag, "{\"to\":\"RECOVERY_CLOSURE\"}", 200);
  }

  @Test
  void anAwarenessTimeOtherThanClassificationNeedsAJustificationAndSoDoesChangingItLater()
      throws Exception {
    String id = newIncident();
    String base = "/incidents/" + id;
    String etag = etag(id);
    HttpResponse<String> refused =
        call(
            "PUT",
            base + "/triage",
            RESPONDER,
            etag,
            "{\"classification\":\"BREACH\",\"awarenessAt\":\"2026-11-21T22:00:00Z\"}");
    assertThat(refused(refused, 400)).isEqualTo("REQUIRED");
    assertThat(body(refused).getAsJsonObject("error").get("field").getAsString())
        .isEqualTo("awarenessJustification");
    assertThat(
            refused(
                call(
                    "PUT",
                    base + "/triage",
                    RESPONDER,
                    etag,
                    "{\"classification\":\"BREACH\",\"awarenessAt\":\"2026-11-23T22:00:00Z\",\"awarenessJustification\":\"x\"}"),
                400))
        .isEqualTo("IN_FUTURE");

    etag =
        write(
            "PUT",
            base + "/triage",
            RESPONDER,
            etag,
            """
        {"classification":"BREACH","awarenessAt":"2026-11-21T22:00:00Z",
         "awarenessJustification":"The processor told us by phone last night."}""",
            200);
    assertThat(
            refused(
                call(
                    "PUT",
                    base + "/triage",
                    RESPONDER,
                    etag,
                    "{\"classification\":\"BREACH\",\"awarenessAt\":\"2026-11-21T20:00:00Z\"}"),
                400))
        .isEqualTo("REQUIRED");
    write(
        "PUT",
        base + "/triage",
        RESPONDER,
        etag,
        """
        {"classification":"BREACH","awarenessAt":"2026-11-21T20:00:00Z",
         "awarenessJustification":"The processor's mail arrived at 21:00 CET, two hours before the call."}""",
        200);

    JsonObject change = lastEntry(base);
    assertThat(change.get("type").getAsString()).isEqualTo("TRIAGE_RECORDED");
    assertThat(change.getAsJsonObject("before").get("awarenessAt").getAsString())
        .isEqualTo("2026-11-21T22:00:00Z");
    assertThat(change.getAsJsonObject("after").get("awarenessAt").getAsString())
        .isEqualTo("2026-11-21T20:00:00Z");
  }

  private static JsonObject lastEntry(String base) {
    JsonArray entries =
        body(call("GET", base + "/timeline", RESPONDER, null, null)).getAsJsonArray("entries");
    return entries.get(entries.size() - 1).getAsJsonObject();
  }
}
