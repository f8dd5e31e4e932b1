package org.meldekette.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The risk method over HTTP, as the issue walks it: assess → suggestion → the DPO overrides with a
 * reason → the Art. 34 clock follows the accepted risk → the register, the final report and the
 * Art. 33 draft show it; a responder alone cannot lower an accepted high risk.
 */
class RiskAssessmentApiTest extends ServedLifecycle {
  /** A customer list e-mailed to one wrong, known recipient: 1 × 1 + 0.25 = 1.25, low. */
  private static final String MIS_SENT =
      """
      {"data":[{"category":"SIMPLE","score":1,"reason":"Names and e-mail addresses of customers"}],
       "identification":{"level":"MAXIMUM","reason":"Full names"},
       "circumstances":{
         "confidentiality":{"level":"KNOWN_RECIPIENTS","reason":"Sent to one business partner"},
         "integrity":{"level":"NONE","reason":"Nothing altered"},
         "availability":{"level":"NONE","reason":"The list is still in the CRM"},
         "maliciousIntent":{"level":"NO","reason":"A wrong address picked by auto-complete"}},
       "factors":{
         "TYPE_OF_BREACH":"Confidentiality: one e-mail to a wrong recipient",
         "NATURE_SENSITIVITY_VOLUME":"Contact data of 1,200 customers, nothing sensitive",
         "EASE_OF_IDENTIFICATION":"Names in clear",
         "SEVERITY_OF_CONSEQUENCES":"Unwanted contact by a competitor is possible; harm beyond that is unlikely.",
         "SPECIAL_CHARACTERISTICS_OF_INDIVIDUALS":"Adult business customers",
         "SPECIAL_CHARACTERISTICS_OF_CONTROLLER":"An online shop",
         "NUMBER_OF_INDIVIDUALS":"About 1,200"}}""";

  private static JsonObject incident(String id) {
    return body(call("GET", "/incidents/" + id, RESPONDER, null, null));
  }

  private static boolean hasClock(String id, String key) {
    for (JsonElement d : incident(id).getAsJsonArray("deadlines")) {
      JsonObject deadline = d.getAsJsonObject();
      if ((deadline.get("regime").getAsString() + "/" + deadline.get("stage").getAsString())
          .equals(key)) {
        return true;
      }
    }
    return false;
  }

  /** A breach triaged at medium risk, its case file without words on the consequences. */
  private static String breachAtMediumRisk() throws Exception {
    String id = newIncident();
    String etag =
        write(
            "PUT",
            "/incidents/" + id + "/triage",
            RESPONDER,
            etag(id),
            """
            {"classification":"BREACH","severity":"P2",
             "cia":{"confidentiality":"HIGH","integrity":"NONE","availability":"NONE"},
             "affectedSystems":["crm"],"dataDomains":["customers"],"dataCategories":["names"],
             "estimatedDataSubjects":1200,"estimatedRecords":1200,"initialRisk":"MEDIUM"}""",
            200);
    write(
        "PUT",
        "/incidents/" + id + "/assessment",
        LEGAL,
        etag,
        "{\"nature\":\"A customer list was e-mailed to a business partner by mistake.\"}",
        200);
    return id;
  }

  private static String recorded(String id, String who, String json) {
    HttpResponse<String> response =
        call("POST", "/incidents/" + id + "/risk-assessments", who, etag(id), json);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return body(response).get("id").getAsString();
  }

  private static HttpResponse<String> decide(
      String id, String assessment, String who, String json) {
    return call(
        "POST",
        "/incidents/" + id + "/risk-assessments/" + assessment + "/decision",
        who,
        etag(id),
        json);
  }

  @Test
  void assessOverrideAndTheClocksRegisterReportAndDraftFollow() throws Exception {
    clock.set(START);
    String id = breachAtMediumRisk();

    JsonObject method = body(call("GET", "/risk-method", RESPONDER, null, null));
    assertThat(method.get("version").getAsString()).isEqualTo("ENISA-2013/1");
    assertThat(
            method
                .getAsJsonObject("identification")
                .getAsJsonObject("SIGNIFICANT")
                .get("value")
                .getAsDouble())
        .isEqualTo(0.75);

    // The live score: nothing is stored.
    String before = etag(id);
    JsonObject preview =
        body(
            call(
                "POST",
                "/incidents/" + id + "/risk-assessments/preview",
                RESPONDER,
                null,
                MIS_SENT));
    assertThat(preview.getAsJsonObject("score").get("severity").getAsDouble()).isEqualTo(1.25);
    assertThat(preview.getAsJsonObject("score").get("band").getAsString()).isEqualTo("LOW");
    assertThat(preview.getAsJsonObject("advice").getAsJsonArray("obligations").toString())
        .isEqualTo("[\"DOCUMENT_IN_REGISTER\"]");
    assertThat(etag(id)).isEqualTo(before);

    // A responder records it: a suggestion; the risk the clocks use stays MEDIUM.
    String assessment = recorded(id, RESPONDER, MIS_SENT);
    JsonObject listed =
        body(call("GET", "/incidents/" + id + "/risk-assessments", RESPONDER, null, null))
            .getAsJsonArray("riskAssessments")
            .get(0)
            .getAsJsonObject();
    assertThat(listed.get("status").getAsString()).isEqualTo("PROPOSED");
    assertThat(listed.getAsJsonObject("advice").get("risk").getAsString()).isEqualTo("LOW");
    assertThat(incident(id).getAsJsonObject("triage").get("initialRisk").getAsString())
        .isEqualTo("MEDIUM");
    assertThat(hasClock(id, "GDPR/ART34")).isFalse();

    // Only LEGAL or the DPO decide; an override needs a reason.
    assertThat(refused(decide(id, assessment, RESPONDER, "{\"decision\":\"ACCEPT\"}"), 403))
        .isEqualTo("FORBIDDEN");
    String etag = etag(id);
    HttpResponse<String> bare =
        decide(id, assessment, DPO, "{\"decision\":\"OVERRIDE\",\"risk\":\"HIGH\"}");
    assertThat(refused(bare, 400)).isEqualTo("REQUIRED");
    assertThat(body(bare).getAsJsonObject("error").get("field").getAsString()).isEqualTo("reason");
    assertThat(etag(id)).as("a refusal changes nothing").isEqualTo(etag);

    // The DPO overrides to HIGH: the recipient is a competitor.
    JsonObject decided =
        body(
            decide(
                id,
                assessment,
                DPO,
                """
                {"decision":"OVERRIDE","risk":"HIGH",
                 "reason":"The recipient is a competitor who has poached customers before."}"""));
    assertThat(decided.get("status").getAsString()).isEqualTo("OVERRIDDEN");
    JsonObject now = incident(id);
    assertThat(now.getAsJsonObject("triage").get("initialRisk").getAsString()).isEqualTo("HIGH");
    JsonObject acceptance = now.getAsJsonObject("riskAcceptance");
    assertThat(acceptance.get("assessmentId").getAsString()).isEqualTo(assessment);
    assertThat(acceptance.get("overridden").getAsBoolean()).isTrue();
    assertThat(acceptance.get("decidedBy").getAsString()).isEqualTo(DPO);
    assertThat(hasClock(id, "GDPR/ART34")).as("the Art. 34 clock follows the risk").isTrue();
    assertThat(refused(decide(id, assessment, LEGAL, "{\"decision\":\"ACCEPT\"}"), 409))
        .isEqualTo("RISK_ASSESSMENT_DECIDED");

    // The decision log names the assessment a decision rests on.
    JsonObject decision =
        body(
            call(
                "POST",
                "/incidents/" + id + "/decisions",
                DPO,
                etag(id),
                "{\"type\":\"NOTIFY_AUTHORITY\",\"reasoning\":\"High risk by our assessment.\"}"));
    assertThat(decision.get("restsOn").getAsString()).isEqualTo(assessment);

    // The register, the final report and the Art. 33 draft show the method and who decided.
    JsonObject row = null;
    for (JsonElement r :
        body(call("GET", "/breach-register", DPO, null, null)).getAsJsonArray("breaches")) {
      if (r.getAsJsonObject().get("incidentId").getAsString().equals(id)) {
        row = r.getAsJsonObject();
      }
    }
    assertThat(row).isNotNull();
    assertThat(row.get("riskMethod").getAsString()).isEqualTo("ENISA-2013/1");
    assertThat(row.get("riskSeverity").getAsString()).isEqualTo("1.25");
    assertThat(row.get("riskBand").getAsString()).isEqualTo("LOW");
    assertThat(row.get("risk").getAsString()).isEqualTo("HIGH");
    assertThat(row.get("riskDecidedBy").getAsString()).contains(DPO, "DPO", "overridden");
    assertThat(row.get("effects").getAsString()).startsWith("Unwanted contact by a competitor");
    JsonObject report =
        body(call("GET", "/incidents/" + id + "/final-report", DPO, null, null))
            .getAsJsonObject("riskAssessment");
    assertThat(report.get("method").getAsString()).isEqualTo("ENISA-2013/1");
    assertThat(report.get("band").getAsString()).isEqualTo("LOW");
    assertThat(report.get("decision").getAsString()).isEqualTo("OVERRIDDEN");
    assertThat(report.get("decidedBy").getAsString()).isEqualTo(DPO);
    String markdown =
        call("GET", "/incidents/" + id + "/final-report?format=markdown", DPO, null, null).body();
    assertThat(markdown).contains("Risk assessment", "ENISA-2013/1", "1.25 (LOW)");
    JsonObject draft =
        body(
            call(
                "GET",
                "/incidents/" + id + "/drafts/authority-notification?lang=en",
                LEGAL,
                null,
                null));
    assertThat(draft.get("text").getAsString())
        .contains(
            "Unwanted contact by a competitor is possible",
            "Severity assessed by the method ENISA-2013/1: 1.25 (severity band: low)",
            "high, as decided by the data protection officer");
    JsonArray missing = draft.getAsJsonArray("missing");
    assertThat(missing.toString()).doesNotContain("likelyConsequences");
  }

  @Test
  void aResponderAloneCannotLowerAnAcceptedHighRisk() throws Exception {
    clock.set(START);
    String id = breachAtMediumRisk();
    String high = MIS_SENT.replace("\"score\":1,", "\"score\":4,\"factors\":[\"VOLUME\"],");
    String raised = recorded(id, RESPONDER, high);
    assertThat(decide(id, raised, DPO, "{\"decision\":\"ACCEPT\"}").statusCode()).isEqualTo(200);
    assertThat(incident(id).getAsJsonObject("triage").get("initialRisk").getAsString())
        .isEqualTo("HIGH");

    // Not through the triage form ...
    HttpResponse<String> lowered =
        call(
            "PUT",
            "/incidents/" + id + "/triage",
            RESPONDER,
            etag(id),
            """
            {"classification":"BREACH","severity":"P2",
             "cia":{"confidentiality":"HIGH","integrity":"NONE","availability":"NONE"},
             "affectedSystems":["crm"],"dataDomains":["customers"],"dataCategories":["names"],
             "estimatedDataSubjects":1200,"estimatedRecords":1200,"initialRisk":"LOW"}""");
    assertThat(refused(lowered, 409)).isEqualTo("LEGAL_SIGN_OFF_REQUIRED");
    // ... nor by deciding on an assessment (a responder decides nothing) ...
    String low = recorded(id, RESPONDER, MIS_SENT);
    assertThat(refused(decide(id, low, RESPONDER, "{\"decision\":\"ACCEPT\"}"), 403))
        .isEqualTo("FORBIDDEN");
    // ... and the DPO cannot lower it on an assessment of their own: four eyes.
    String own = recorded(id, DPO, MIS_SENT);
    assertThat(refused(decide(id, low, LEGAL, "{\"decision\":\"ACCEPT\"}"), 409))
        .as("an older assessment is not decided on")
        .isEqualTo("RISK_ASSESSMENT_SUPERSEDED");
    assertThat(refused(decide(id, own, DPO, "{\"decision\":\"ACCEPT\"}"), 409))
        .isEqualTo("SELF_APPROVAL");
    assertThat(incident(id).getAsJsonObject("triage").get("initialRisk").getAsString())
        .isEqualTo("HIGH");
    assertThat(decide(id, own, LEGAL, "{\"decision\":\"ACCEPT\"}").statusCode()).isEqualTo(200);
    assertThat(incident(id).getAsJsonObject("triage").get("initialRisk").getAsString())
        .isEqualTo("LOW");
    // Every assessment stays, newest first, with what was decided on it.
    JsonArray all =
        body(call("GET", "/incidents/" + id + "/risk-assessments", LEGAL, null, null))
            .getAsJsonArray("riskAssessments");
    assertThat(all).hasSize(3);
    assertThat(all.get(0).getAsJsonObject().get("status").getAsString()).isEqualTo("ACCEPTED");
    assertThat(all.get(1).getAsJsonObject().get("status").getAsString()).isEqualTo("PROPOSED");
    assertThat(all.get(2).getAsJsonObject().get("status").getAsString()).isEqualTo("ACCEPTED");
  }

  @Test
  void badInputIsNamedAndStoresNothing() throws Exception {
    clock.set(START);
    String id = breachAtMediumRisk();
    String etag = etag(id);
    String path = "/incidents/" + id + "/risk-assessments";
    HttpResponse<String> unanswered =
        call(
            "POST",
            path,
            RESPONDER,
            etag,
            MIS_SENT.replace(
                "\"NUMBER_OF_INDIVIDUALS\":\"About 1,200\"", "\"NUMBER_OF_INDIVIDUALS\":\" \""));
    assertThat(refused(unanswered, 400)).isEqualTo("REQUIRED");
    assertThat(field(unanswered)).isEqualTo("factors.NUMBER_OF_INDIVIDUALS");

    HttpResponse<String> unexplained =
        call(
            "POST",
            path,
            RESPONDER,
            etag,
            MIS_SENT.replace(
                "\"data\":[",
                "\"data\":[{\"category\":\"FINANCIAL\",\"score\":4,\"reason\":\"IBANs\"},"));
    assertThat(refused(unexplained, 400)).isEqualTo("FACTOR_REQUIRED");
    assertThat(field(unexplained)).isEqualTo("data[0].factors");

    HttpResponse<String> unknownLevel =
        call(
            "POST",
            path,
            RESPONDER,
            etag,
            MIS_SENT.replace("\"level\":\"NONE\"", "\"level\":\"SOME\""));
    assertThat(refused(unknownLevel, 400)).isEqualTo("UNKNOWN_VALUE");
    assertThat(field(unknownLevel)).isEqualTo("circumstances.integrity.level");

    HttpResponse<String> noReason =
        call(
            "POST",
            path,
            RESPONDER,
            etag,
            MIS_SENT.replace("Names and e-mail addresses of customers", ""));
    assertThat(refused(noReason, 400)).isEqualTo("REQUIRED");
    assertThat(field(noReason)).isEqualTo("data[0].reason");

    assertThat(body(call("GET", path, RESPONDER, null, null)).getAsJsonArray("riskAssessments"))
        .isEmpty();
    assertThat(etag(id)).isEqualTo(etag);
  }

  private static String field(HttpResponse<String> response) {
    return body(response).getAsJsonObject("error").get("field").getAsString();
  }
}
