package org.meldekette.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The GDPR rules of issue 16 over HTTP, as a DPO would try to sidestep them: each answer here was
 * different before.
 */
class GdprRulesApiTest extends ServedLifecycle {
  private static final String HIGH_RISK_BREACH =
      """
      {"classification":"%s","severity":"P2",
       "cia":{"confidentiality":"HIGH","integrity":"NONE","availability":"NONE"},
       "scope":"Export bucket","affectedSystems":["export-bucket"],"dataDomains":["user profiles"],
       "dataCategories":["names","postal addresses"],"estimatedDataSubjects":1200,"estimatedRecords":1250,
       "initialRisk":"HIGH"}""";

  private static JsonObject incident(String id) {
    return body(call("GET", "/incidents/" + id, RESPONDER, null, null));
  }

  /** The clock of {@code key} (REGIME/STAGE), or null when the incident has none. */
  private static JsonObject clockOf(String id, String key) {
    for (JsonElement d : incident(id).getAsJsonArray("deadlines")) {
      JsonObject deadline = d.getAsJsonObject();
      String own =
          deadline.get("regime").getAsString()
              + "/"
              + deadline.get("stage").getAsString()
              + (deadline.has("subject") && !deadline.get("subject").isJsonNull()
                  ? "/" + deadline.get("subject").getAsString()
                  : "");
      if (own.equals(key)) {
        return deadline;
      }
    }
    return null;
  }

  private static JsonObject registerRow(String id) {
    JsonArray rows =
        body(call("GET", "/breach-register", DPO, null, null)).getAsJsonArray("breaches");
    for (JsonElement row : rows) {
      if (row.getAsJsonObject().get("incidentId").getAsString().equals(id)) {
        return row.getAsJsonObject();
      }
    }
    return null;
  }

  // 1 and 3: the clocks are met by the notification; not notifying at high risk names an exception.

  @Test
  void article34IsMetByTheNoticeNotByTheDecisionAndNotInformingAtHighRiskNamesItsException()
      throws Exception {
    clock.set(START);
    String informed = completeBreach();
    write(
        "POST",
        "/incidents/" + informed + "/decisions",
        DPO,
        etag(informed),
        "{\"type\":\"NOTIFY_DATA_SUBJECTS\",\"reasoning\":\"Phishing risk is high.\"}",
        201);
    JsonObject decided = clockOf(informed, "GDPR/ART34");
    assertThat(decided.get("status").getAsString()).isEqualTo("OPEN");
    assertThat(decided.get("progress").getAsString()).isEqualTo("DECIDED_NOT_SENT");
    clock.advance(Duration.ofHours(3));
    notified(informed, etag(informed), "DATA_SUBJECTS", "");
    JsonObject met = clockOf(informed, "GDPR/ART34");
    assertThat(met.get("status").getAsString()).isEqualTo("MET");
    assertThat(met.get("metAt").getAsString()).isEqualTo(clock.instant().toString());

    String excepted = completeBreach();
    String etag = etag(excepted);
    HttpResponse<String> bare =
        call(
            "POST",
            "/incidents/" + excepted + "/decisions",
            LEGAL,
            etag,
            "{\"type\":\"NO_DATA_SUBJECT_NOTIFICATION\",\"reasoning\":\"Not needed.\"}");
    assertThat(refused(bare, 400)).isEqualTo("REQUIRED");
    assertThat(body(bare).getAsJsonObject("error").get("field").getAsString())
        .isEqualTo("exception");
    assertThat(etag(excepted)).as("the refusal changed nothing").isEqualTo(etag);
    write(
        "POST",
        "/incidents/" + excepted + "/decisions",
        LEGAL,
        etag,
        "{\"type\":\"NO_DATA_SUBJECT_NOTIFICATION\",\"exception\":\"ENCRYPTED\","
            + "\"reasoning\":\"The export was encrypted with AES-256; the key was not exposed.\"}",
        201);
    assertThat(clockOf(excepted, "GDPR/ART34").get("status").getAsString()).isEqualTo("MET");
    assertThat(registerRow(excepted).get("dataSubjectException").getAsString())
        .isEqualTo("ENCRYPTED");
    JsonArray decisions =
        body(call("GET", "/incidents/" + excepted + "/final-report", DPO, null, null))
            .getAsJsonArray("decisions");
    assertThat(decisions.get(0).getAsJsonObject().get("exception").getAsString())
        .isEqualTo("ENCRYPTED");
  }

  // 2: classification and awareness are legal facts.

  @Test
  void reclassifyingABreachTakesAFourEyesSignOffKeepsItsClockAndItsPlaceInTheRegister()
      throws Exception {
    clock.set(START);
    String id = completeBreach();
    String due = clockOf(id, "GDPR/ART33").get("dueAt").getAsString();
    clock.advance(Duration.ofHours(5));
    String etag = etag(id);
    HttpResponse<String> direct =
        call(
            "PUT",
            "/incidents/" + id + "/triage",
            RESPONDER,
            etag,
            HIGH_RISK_BREACH.formatted("INCIDENT"));
    assertThat(refused(direct, 409)).isEqualTo("LEGAL_SIGN_OFF_REQUIRED");
    assertThat(unmet(direct)).contains("RECLASSIFIED_FROM_BREACH");
    assertThat(
            unmet(
                call(
                    "PUT",
                    "/incidents/" + id + "/triage",
                    RESPONDER,
                    etag,
                    "{\"severity\":\"P2\",\"initialRisk\":\"HIGH\"}")))
        .as("dropping the classification is a reclassification too")
        .contains("CLASSIFICATION_DROPPED");
    assertThat(etag(id)).isEqualTo(etag);

    String change =
        "{\"triage\":" + HIGH_RISK_BREACH.formatted("INCIDENT") + ",\"justification\":%s}";
    assertThat(
            refused(
                call(
                    "POST",
                    "/incidents/" + id + "/triage-changes",
                    RESPONDER,
                    etag,
                    change.formatted("null")),
                400))
        .isEqualTo("REQUIRED");
    HttpResponse<String> filed =
        call(
            "POST",
            "/incidents/" + id + "/triage-changes",
            LEGAL,
            etag,
            change.formatted("\"Only synthetic test accounts were in the export.\""));
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    String request = body(filed).get("id").getAsString();
    etag = filed.headers().firstValue("ETag").orElseThrow();
    String approve = "/incidents/" + id + "/triage-changes/" + request + "/approve";
    assertThat(refused(call("POST", approve, RESPONDER, etag, null), 403)).isEqualTo("FORBIDDEN");
    assertThat(refused(call("POST", approve, LEGAL, etag, null), 409)).isEqualTo("SELF_APPROVAL");
    write("POST", approve, DPO, etag, null, 200);
    assertThat(incident(id).getAsJsonObject("triage").get("classification").getAsString())
        .isEqualTo("INCIDENT");
    assertThat(clockOf(id, "GDPR/ART33")).as("not a breach now: no Art. 33 clock").isNull();

    JsonObject row = registerRow(id);
    assertThat(row).as("a once-breach stays in the register (Art. 33(5))").isNotNull();
    assertThat(row.get("classification").getAsString()).isEqualTo("INCIDENT");
    assertThat(row.get("classificationHistory").getAsString())
        .contains("BREACH → INCIDENT (TRIAGE_CHANGE_APPROVED, " + DPO)
        .contains("synthetic test accounts");

    // Found to be a breach after all, two days later: the 72 h still run from the first awareness.
    clock.advance(Duration.ofDays(2));
    write(
        "PUT",
        "/incidents/" + id + "/triage",
        RESPONDER,
        etag(id),
        HIGH_RISK_BREACH.formatted("BREACH"),
        200);
    assertThat(clockOf(id, "GDPR/ART33").get("dueAt").getAsString()).isEqualTo(due);
  }

  @Test
  void aBreachStoredBeforeTheRegisterKeptOnceBreachesIsStillInIt() throws Exception {
    clock.set(START);
    String id = completeBreach();
    // As the first release stored incidents: without the everBreach field.
    db.collection("incidents")
        .document(id)
        .update("everBreach", com.google.cloud.firestore.FieldValue.delete())
        .get();
    assertThat(registerRow(id)).isNotNull();
  }

  @Test
  void awarenessMovedLaterNeedsASignOffAndOnlyLegalOrTheDpoSetTheRisk() throws Exception {
    clock.set(START);
    String id = completeBreach();
    String etag = etag(id);
    String later =
        HIGH_RISK_BREACH
            .replace(
                "\"initialRisk\":\"HIGH\"",
                "\"initialRisk\":\"HIGH\",\"awarenessAt\":\""
                    + START.plus(Duration.ofHours(1))
                    + "\",\"awarenessJustification\":\"The processor told us only then.\"")
            .formatted("BREACH");
    clock.advance(Duration.ofHours(2));
    assertThat(unmet(call("PUT", "/incidents/" + id + "/triage", RESPONDER, etag, later)))
        .containsExactly("AWARENESS_MOVED_LATER");

    String lowered = HIGH_RISK_BREACH.replace("HIGH\"}", "LOW\"}").formatted("BREACH");
    assertThat(unmet(call("PUT", "/incidents/" + id + "/triage", RESPONDER, etag, lowered)))
        .containsExactly("HIGH_RISK_LOWERED");
    assertThat(
            call("PUT", "/incidents/" + id + "/risk", RESPONDER, etag, "{\"initialRisk\":\"LOW\"}")
                .statusCode())
        .isEqualTo(403);
    write(
        "PUT",
        "/incidents/" + id + "/risk",
        DPO,
        etag,
        "{\"initialRisk\":\"MEDIUM\",\"justification\":\"Addresses only, no payment data.\"}",
        200);
    assertThat(incident(id).getAsJsonObject("triage").get("initialRisk").getAsString())
        .isEqualTo("MEDIUM");
    assertThat(clockOf(id, "GDPR/ART34")).as("no longer high risk: no Art. 34 clock").isNull();
  }

  // 4: the communication gate in time, and need-to-know on every read that shows communications.

  @Test
  void aCommunicationCannotPredateItsApprovalNorBeDatedFarFromNowWithoutAReason() throws Exception {
    clock.set(START);
    String id = completeBreach();
    clock.advance(Duration.ofHours(4));
    String etag =
        write(
            "POST",
            "/incidents/" + id + "/approvals",
            LEGAL,
            etag(id),
            "{\"audience\":\"DATA_SUBJECTS\"}",
            201);
    String sent =
        "{\"audience\":\"DATA_SUBJECTS\",\"channel\":\"email\",\"summary\":\"Notice.\","
            + "\"sentAt\":\"%s\"%s}";
    Instant beforeApproval = clock.instant().minus(Duration.ofHours(1));
    assertThat(
            refused(
                call(
                    "POST",
                    "/incidents/" + id + "/communications",
                    RESPONDER,
                    etag,
                    sent.formatted(beforeApproval, ",\"timeJustification\":\"Posted earlier.\"")),
                409))
        .isEqualTo("SENT_BEFORE_APPROVAL");
    assertThat(
            refused(
                call(
                    "POST",
                    "/incidents/" + id + "/communications",
                    RESPONDER,
                    etag,
                    sent.formatted(clock.instant().plus(Duration.ofHours(1)), "")),
                400))
        .isEqualTo("IN_FUTURE");

    clock.advance(Duration.ofHours(5));
    Instant postedEarlier = clock.instant().minus(Duration.ofHours(3));
    assertThat(
            refused(
                call(
                    "POST",
                    "/incidents/" + id + "/communications",
                    RESPONDER,
                    etag,
                    sent.formatted(postedEarlier, "")),
                400))
        .isEqualTo("REQUIRED");
    write(
        "POST",
        "/incidents/" + id + "/communications",
        RESPONDER,
        etag,
        sent.formatted(
            postedEarlier, ",\"timeJustification\":\"Letters went out before the portal was up.\""),
        201);

    // The final report shows communications to those with need-to-know only.
    JsonObject seenByDpo = body(call("GET", "/incidents/" + id + "/final-report", DPO, null, null));
    assertThat(seenByDpo.getAsJsonArray("communications")).hasSize(1);
    assertThat(
            seenByDpo
                .getAsJsonArray("communications")
                .get(0)
                .getAsJsonObject()
                .get("timeJustification")
                .getAsString())
        .contains("portal");
    JsonObject seenByOutsider =
        body(call("GET", "/incidents/" + id + "/final-report", RESPONDER, null, null));
    assertThat(seenByOutsider.has("communications")).isFalse();
    assertThat(
            call(
                    "GET",
                    "/incidents/" + id + "/final-report?format=markdown&lang=en",
                    RESPONDER,
                    null,
                    null)
                .body())
        .doesNotContain("email");
  }

  // 5: the final report.

  @Test
  void anIssuedReportIsFrozenAndAReopenedIncidentClosedAgainOwesANewOne() throws Exception {
    clock.set(START.plus(Duration.ofDays(40)));
    String id = closedBreach();
    String base = "/incidents/" + id;
    HttpResponse<String> incomplete =
        call("POST", base + "/final-report/issued", SECOND_LINE, etag(id), null);
    assertThat(refused(incomplete, 409)).isEqualTo("FINAL_REPORT_INCOMPLETE");
    assertThat(unmet(incomplete)).containsExactly("ROOT_CAUSE_MISSING", "LESSONS_LEARNED_MISSING");
    assertThat(call("POST", base + "/final-report/issued", RESPONDER, etag(id), null).statusCode())
        .as("a single responder cannot issue it")
        .isEqualTo(403);
    String assessment =
        """
        {"nature":"A storage bucket with a customer export was readable without sign-in.",
         "likelyConsequences":"Phishing letters addressed by name.",
         "rootCause":"A migration script set the bucket public.",
         "lessonsLearned":"%s"}""";
    write(
        "PUT",
        base + "/assessment",
        LEGAL,
        etag(id),
        assessment.formatted("Bucket policies now go through the ISMS change process."),
        200);
    String draft =
        call("GET", base + "/final-report?format=markdown&lang=en", DPO, null, null).body();
    assertThat(draft).contains("Root cause", "Lessons learned", "Due");
    write("POST", base + "/final-report/issued", SECOND_LINE, etag(id), null, 200);
    assertThat(refused(call("POST", base + "/final-report/issued", DPO, etag(id), null), 409))
        .isEqualTo("ALREADY_ISSUED");
    JsonObject first =
        body(call("GET", base + "/final-reports", RESPONDER, null, null))
            .getAsJsonArray("finalReports")
            .get(0)
            .getAsJsonObject();
    assertThat(first.get("version").getAsInt()).isEqualTo(1);
    assertThat(first.get("sha256").getAsString()).hasSize(64);

    // Changed after issue: the issued version stays as it was; the draft says it changed.
    clock.advance(Duration.ofHours(1));
    write(
        "PUT",
        base + "/assessment",
        LEGAL,
        etag(id),
        assessment.formatted("Bucket policies are checked daily by a policy scanner."),
        200);
    JsonObject issued = body(call("GET", base + "/final-reports/1", DPO, null, null));
    assertThat(issued.getAsJsonObject("issued").get("intact").getAsBoolean()).isTrue();
    assertThat(issued.get("lessonsLearned").getAsString()).contains("ISMS change process");
    assertThat(
            body(call("GET", base + "/final-report", DPO, null, null))
                .get("changedSinceIssued")
                .getAsBoolean())
        .isTrue();

    // Reopened and closed again: a new report falls due and can be issued as version 2.
    write(
        "POST",
        base + "/reopen",
        SECOND_LINE,
        etag(id),
        "{\"to\":\"RECOVERY_CLOSURE\",\"justification\":\"A second bucket was found public.\"}",
        200);
    clock.advance(Duration.ofDays(1));
    write("POST", base + "/transitions", RESPONDER, etag(id), "{\"to\":\"CLOSED\"}", 200);
    assertThat(clockOf(id, "INTERNAL/FINAL_REPORT").get("status").getAsString()).isEqualTo("OPEN");
    write("POST", base + "/final-report/issued", DPO, etag(id), null, 200);
    JsonArray versions =
        body(call("GET", base + "/final-reports", RESPONDER, null, null))
            .getAsJsonArray("finalReports");
    assertThat(versions).hasSize(2);
    assertThat(versions.get(1).getAsJsonObject().get("sha256").getAsString())
        .isNotEqualTo(first.get("sha256").getAsString());
    assertThat(clockOf(id, "INTERNAL/FINAL_REPORT").get("status").getAsString()).isEqualTo("MET");
  }

  // 6: the report text and the reporter's contact.

  @Test
  void staffReadWhatTheReporterWroteAndOnlyTheTeamReadsTheirContactEachReadAudited()
      throws Exception {
    clock.set(START);
    String id = reported("Erika Mustermann", "erika@example.test");
    JsonObject report =
        body(call("GET", "/incidents/" + id + "/report", COMMUNICATIONS, null, null));
    assertThat(report.get("description").getAsString()).contains("readable without sign-in");
    assertThat(report.get("hasContact").getAsBoolean()).isTrue();
    assertThat(report.toString()).doesNotContain("erika@example.test");

    String contact = "/incidents/" + id + "/reporter-contact";
    assertThat(refused(call("GET", contact, RESPONDER, null, null), 403)).isEqualTo("FORBIDDEN");
    write(
        "PUT",
        "/incidents/" + id + "/team",
        RESPONDER,
        etag(id),
        "{\"members\":[\"" + RESPONDER + "\"]}",
        200);
    String version = etag(id);
    HttpResponse<String> read = call("GET", contact, RESPONDER, null, null);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(body(read).get("email").getAsString()).isEqualTo("erika@example.test");
    assertThat(read.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(etag(id)).as("reading is no change of the incident").isEqualTo(version);

    List<String> reads = new ArrayList<>();
    body(call("GET", "/incidents/" + id + "/timeline", RESPONDER, null, null))
        .getAsJsonArray("entries")
        .forEach(
            e -> {
              if (e.getAsJsonObject().get("type").getAsString().equals("REPORTER_CONTACT_READ")) {
                reads.add(
                    e.getAsJsonObject().get("actor").getAsJsonObject().get("id").getAsString());
              }
            });
    assertThat(reads).containsExactly(RESPONDER);
    assertThat(call("GET", "/incidents/" + id + "/audit", DPO, null, null).body())
        .contains("REPORTER_CONTACT_READ")
        .doesNotContain("erika@example.test");
  }

  // 7: measures keep their clocks after closure.

  @Test
  void correctiveAndPreventiveMeasuresKeepTheirClocksAfterClosure() throws Exception {
    clock.set(START.plus(Duration.ofDays(20)));
    String id = closedBreach();
    List<String> measureClocks = new ArrayList<>();
    for (JsonElement d : incident(id).getAsJsonArray("deadlines")) {
      JsonObject deadline = d.getAsJsonObject();
      if (deadline.get("stage").getAsString().equals("MEASURE_DUE")) {
        measureClocks.add(deadline.get("status").getAsString());
      }
    }
    assertThat(measureClocks).as("one per corrective and preventive measure").hasSize(2);
    assertThat(queue.pending())
        .extracting(org.meldekette.dev.LocalTaskQueue.Task::name)
        .anyMatch(name -> name.startsWith(id + "-INTERNAL-MEASURE_DUE-"));

    String corrective = null;
    for (JsonElement m :
        body(call("GET", "/incidents/" + id + "/measures", RESPONDER, null, null))
            .getAsJsonArray("measures")) {
      if (m.getAsJsonObject().get("type").getAsString().equals("CORRECTIVE")) {
        corrective = m.getAsJsonObject().get("id").getAsString();
      }
    }
    clock.advance(Duration.ofDays(1));
    write(
        "PATCH",
        "/incidents/" + id + "/measures/" + corrective,
        RESPONDER,
        etag(id),
        "{\"status\":\"DONE\"}",
        200);
    assertThat(clockOf(id, "INTERNAL/MEASURE_DUE/" + corrective).get("status").getAsString())
        .isIn("MET", "MET_LATE");
    JsonObject review = clockOf(id, "INTERNAL/EFFECTIVENESS_REVIEW/" + corrective);
    assertThat(review.get("dueAt").getAsString())
        .isEqualTo(clock.instant().plus(Duration.ofDays(30)).toString());
    clock.advance(Duration.ofDays(10));
    write(
        "PATCH",
        "/incidents/" + id + "/measures/" + corrective,
        RESPONDER,
        etag(id),
        "{\"effectiveness\":{\"result\":\"EFFECTIVE\"}}",
        200);
    assertThat(
            clockOf(id, "INTERNAL/EFFECTIVENESS_REVIEW/" + corrective).get("status").getAsString())
        .isEqualTo("MET");
  }

  // 9: processor involvement.

  @Test
  void actingAsProcessorTheControllerIsNotifiedOnItsOwnClockWithItsOwnDraft() throws Exception {
    clock.set(START);
    String id = completeBreach();
    String etag = etag(id);
    assertThat(
            call(
                    "PUT",
                    "/incidents/" + id + "/processing",
                    RESPONDER,
                    etag,
                    "{\"role\":\"PROCESSOR\",\"controller\":{\"name\":\"Shop GmbH\"}}")
                .statusCode())
        .isEqualTo(403);
    write(
        "PUT",
        "/incidents/" + id + "/processing",
        LEGAL,
        etag,
        """
        {"role":"PROCESSOR","controller":{"name":"Shop GmbH","contact":"privacy@shop.example",
         "agreement":"DPA 2024-07"},"processors":[{"name":"Mail Relay AG"}]}""",
        200);
    JsonObject art332 = clockOf(id, "GDPR/ART33_2");
    assertThat(art332).isNotNull();
    assertThat(art332.get("dueAt").getAsString())
        .isEqualTo(START.plus(Duration.ofHours(24)).toString());
    assertThat(clockOf(id, "GDPR/ART33")).as("the controller notifies the authority").isNull();
    HttpResponse<String> draft =
        call(
            "GET",
            "/incidents/" + id + "/drafts/stages/GDPR/ART33_2?lang=en&format=markdown",
            LEGAL,
            null,
            null);
    assertThat(draft.statusCode()).as(draft.body()).isEqualTo(200);
    assertThat(draft.body()).contains("Shop GmbH");

    clock.advance(Duration.ofHours(6));
    notified(id, etag(id), "CONTROLLER", "");
    assertThat(clockOf(id, "GDPR/ART33_2").get("status").getAsString()).isEqualTo("MET");
    assertThat(registerRow(id).get("operatorRole").getAsString()).isEqualTo("PROCESSOR");
  }

  // 10: regular operation restored is a milestone of its own.

  @Test
  void operationRestoredIsRecordedInRecoveryOnlyAndNeverInTheFuture() throws Exception {
    clock.set(START);
    String id = completeBreach();
    String restored = "{\"restoredAt\":\"%s\"}";
    assertThat(
            refused(
                call(
                    "POST",
                    "/incidents/" + id + "/operation-restored",
                    RESPONDER,
                    etag(id),
                    restored.formatted(clock.instant())),
                409))
        .isEqualTo("NOT_IN_RECOVERY");
    assertThat(incident(id).getAsJsonObject("milestones").has("operationRestoredAt")).isFalse();

    String plain = newIncident();
    HttpResponse<String> filed =
        call(
            "POST",
            "/incidents/" + plain + "/skip-requests",
            RESPONDER,
            triaged(plain),
            "{\"to\":\"RECOVERY_CLOSURE\",\"justification\":\"Handled by the vendor.\"}");
    write(
        "POST",
        "/incidents/"
            + plain
            + "/skip-requests/"
            + body(filed).get("id").getAsString()
            + "/approve",
        SECOND_LINE,
        filed.headers().firstValue("ETag").orElseThrow(),
        null,
        200);
    clock.advance(Duration.ofHours(2));
    String path = "/incidents/" + plain + "/operation-restored";
    assertThat(
            refused(
                call(
                    "POST",
                    path,
                    RESPONDER,
                    etag(plain),
                    restored.formatted(clock.instant().plus(Duration.ofHours(1)))),
                400))
        .isEqualTo("IN_FUTURE");
    assertThat(
            refused(
                call(
                    "POST",
                    path,
                    RESPONDER,
                    etag(plain),
                    restored.formatted(clock.instant().minus(Duration.ofDays(30)))),
                400))
        .isEqualTo("BEFORE_DETECTION");
    assertThat(refused(call("POST", path, RESPONDER, etag(plain), "{}"), 400))
        .isEqualTo("REQUIRED");
    Instant back = clock.instant().minus(Duration.ofMinutes(30));
    write("POST", path, RESPONDER, etag(plain), restored.formatted(back), 200);
    JsonObject milestones = incident(plain).getAsJsonObject("milestones");
    assertThat(milestones.get("operationRestoredAt").getAsString()).isEqualTo(back.toString());
    assertThat(milestones.get("operationRestoredBy").getAsString()).isEqualTo(RESPONDER);
  }
}
