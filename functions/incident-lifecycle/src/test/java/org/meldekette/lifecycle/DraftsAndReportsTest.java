package org.meldekette.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Drafts, the final report and the breach register carry every required item, in German and
 * English.
 */
class DraftsAndReportsTest extends ServedLifecycle {

  private static JsonObject draft(String id, String name, String query) {
    HttpResponse<String> response =
        call("GET", "/incidents/" + id + "/drafts/" + name + "?" + query, LEGAL, null, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return body(response);
  }

  private static List<String> missing(JsonObject draft) {
    List<String> missing = new ArrayList<>();
    draft.getAsJsonArray("missing").forEach(m -> missing.add(m.getAsString()));
    return missing;
  }

  @ParameterizedTest
  @ValueSource(strings = {"de", "en"})
  void theArticle33DraftOfACompleteBreachHasEveryItemOfArticle33Paragraph3(String lang)
      throws Exception {
    clock.set(START);
    String id = completeBreach();
    JsonObject draft = draft(id, "authority-notification", "lang=" + lang);
    assertThat(missing(draft)).isEmpty();
    String text = draft.get("text").getAsString();
    assertThat(text)
        .contains(
            id,
            "Beispiel GmbH",
            "readable without sign-in for 9 days",
            "Customers of the online shop",
            "1200",
            "names, postal addresses",
            "1250",
            "Dr. Datenschutz",
            "dpo@beispiel.example",
            "Phishing letters",
            "Bucket made private")
        .doesNotContain("MISSING", "FEHLT", "T08:00:00Z");
    // Times in words, in the controller's time zone (Europe/Berlin), to the minute.
    if (lang.equals("de")) {
      assertThat(text)
          .contains(
              "22. November 2026, 09:00 MEZ",
              "(Art. 33 Abs. 3 lit. a DSGVO)",
              "Name und Kontaktdaten des Datenschutzbeauftragten oder einer sonstigen Anlaufstelle"
                  + " für weitere Informationen (Art. 33 Abs. 3 lit. b DSGVO)",
              "wahrscheinlichen Folgen der Verletzung des Schutzes personenbezogener Daten"
                  + " (Art. 33 Abs. 3 lit. c DSGVO)",
              "Maßnahmen zur Behebung der Verletzung des Schutzes personenbezogener Daten und"
                  + " gegebenenfalls Maßnahmen zur Abmilderung ihrer möglichen nachteiligen"
                  + " Auswirkungen (Art. 33 Abs. 3 lit. d DSGVO)",
              "Bucket made private (Eindämmungsmaßnahme, umgesetzt)",
              "Aufsichtsbehörde");
    } else {
      assertThat(text)
          .contains(
              "22 November 2026, 09:00 CET",
              "(Art. 33(3)(a) GDPR)",
              "The name and contact details of the data protection officer or other contact point"
                  + " where more information can be obtained (Art. 33(3)(b) GDPR)",
              "The likely consequences of the personal data breach (Art. 33(3)(c) GDPR)",
              "including, where appropriate, measures to mitigate its possible adverse effects"
                  + " (Art. 33(3)(d) GDPR)",
              "Bucket made private (containment, done)",
              "supervisory authority");
    }
    // Shown rendered (never as Markdown source) and copied as plain text.
    assertThat(draft.get("html").getAsString())
        .contains("<h1>", "<h2>1. ", "<li>")
        .doesNotContain("## ");
    assertThat(draft.get("plainText").getAsString())
        .contains(id, "Beispiel GmbH")
        .doesNotContain("## ", "# ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"de", "en"})
  void theArticle33DraftTheFinalReportAndTheRegisterArePdfsWithTheirSectionsAndTimesInWords(
      String lang) throws Exception {
    clock.set(START);
    String id = closedBreach();
    boolean de = lang.equals("de");
    String awareness = de ? "22. November 2026, 09:00 MEZ" : "22 November 2026, 09:00 CET";

    String draft =
        pdfText("/incidents/" + id + "/drafts/authority-notification?format=pdf&lang=" + lang);
    assertThat(draft)
        .contains(id, "Art. 33", awareness)
        .contains(de ? "Art. 33 Abs. 3 lit. d DSGVO" : "Art. 33(3)(d) GDPR")
        .doesNotContain("T08:00:00Z", "## ");

    String report = pdfText("/incidents/" + id + "/final-report?format=pdf&lang=" + lang);
    assertThat(report)
        .contains(id, de ? "Entscheidungsprotokoll" : "Decision log", awareness)
        .contains((de ? "Am " : "") + awareness + " · NOTIFY_AUTHORITY")
        .doesNotContain("|---");

    String register =
        pdfText("/breach-register?format=pdf&lang=" + lang + "&from=" + START.minusSeconds(60));
    assertThat(register)
        .contains(id, de ? "Art. 33 Abs. 5 DSGVO" : "Art. 33(5) GDPR", awareness)
        .contains(de ? "Art der Verletzung" : "Nature of the breach");

    assertThat(
            call(
                    "GET",
                    "/incidents/" + id + "/final-report?format=text&lang=" + lang,
                    RESPONDER,
                    null,
                    null)
                .body())
        .contains(awareness)
        .doesNotContain("|---", "## ");
    assertThat(
            refused(
                call(
                    "GET",
                    "/incidents/" + id + "/drafts/authority-notification?format=docx",
                    LEGAL,
                    null,
                    null),
                400))
        .isEqualTo("INVALID_VALUE");
  }

  /** The PDF at {@code path} (read by the DPO), as pdftotext reads it; its first page renders. */
  private String pdfText(String path) throws Exception {
    HttpResponse<byte[]> pdf = callBytes(path, DPO);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("pdf");
    java.nio.file.Path file = dir.resolve("document.pdf");
    java.nio.file.Files.write(file, pdf.body());
    assertThat(org.meldekette.testing.Poppler.pages(file, dir)).isGreaterThanOrEqualTo(1);
    return org.meldekette.testing.Poppler.words(file);
  }

  @ParameterizedTest
  @ValueSource(strings = {"de", "en"})
  void itemsTheIncidentDoesNotKnowYetAreListedAsMissing(String lang) throws Exception {
    clock.set(START);
    String id = newIncident();
    write(
        "PUT",
        "/incidents/" + id + "/triage",
        RESPONDER,
        etag(id),
        "{\"classification\":\"BREACH\"}",
        200);
    JsonObject draft = draft(id, "authority-notification", "lang=" + lang);
    assertThat(missing(draft))
        .containsExactly(
            "nature",
            "dataSubjectCategories",
            "estimatedDataSubjects",
            "dataCategories",
            "estimatedRecords",
            "likelyConsequences",
            "measures");
    assertThat(draft.get("stage").getAsString()).isEqualTo("GDPR/ART33");
    assertThat(draft.get("text").getAsString())
        .contains(lang.equals("de") ? "⚠ FEHLT" : "⚠ MISSING");

    clock.advance(Duration.ofHours(73));
    JsonObject late = draft(id, "authority-notification", "lang=" + lang);
    assertThat(missing(late)).contains("delayReasons");
    assertThat(late.get("text").getAsString())
        .contains(lang.equals("de") ? "Gründe für die Verzögerung" : "Reasons for the delay");
  }

  @Test
  void aSupplementaryDraftStatesWhatChangedSinceTheLastNotificationSent() throws Exception {
    clock.set(START);
    String id = completeBreach();
    assertThat(
            refused(
                call(
                    "GET",
                    "/incidents/"
                        + id
                        + "/drafts/authority-notification?notification=supplementary",
                    LEGAL,
                    null,
                    null),
                409))
        .isEqualTo("NO_PREVIOUS_NOTIFICATION");
    write(
        "POST",
        "/incidents/" + id + "/approvals",
        LEGAL,
        etag(id),
        "{\"audience\":\"SUPERVISORY_AUTHORITY\"}",
        201);
    write(
        "POST",
        "/incidents/" + id + "/communications",
        LEGAL,
        etag(id),
        """
        {"audience":"SUPERVISORY_AUTHORITY","channel":"DPA portal","summary":"Initial notification.",
         "sentAt":"2026-11-22T08:00:00Z","notification":"INITIAL"}""",
        201);
    clock.advance(Duration.ofDays(2));
    write(
        "PUT",
        "/incidents/" + id + "/triage",
        RESPONDER,
        etag(id),
        """
        {"classification":"BREACH","severity":"P2",
         "cia":{"confidentiality":"HIGH","integrity":"NONE","availability":"NONE"},
         "scope":"Export bucket","affectedSystems":["export-bucket"],"dataDomains":["user profiles"],
         "dataCategories":["names","postal addresses"],"estimatedDataSubjects":4800,"estimatedRecords":5000,
         "initialRisk":"HIGH"}""",
        200);

    JsonObject draft = draft(id, "authority-notification", "lang=en&notification=supplementary");
    JsonArray changes = draft.getAsJsonArray("changes");
    List<String> changed = new ArrayList<>();
    changes.forEach(c -> changed.add(c.getAsJsonObject().get("item").getAsString()));
    assertThat(changed).containsExactlyInAnyOrder("estimatedDataSubjects", "estimatedRecords");
    assertThat(draft.get("text").getAsString())
        .contains("Art. 33(4)", "Approximate number of data subjects: 1200 → 4800");
    assertThat(
            draft(id, "authority-notification", "lang=de&notification=supplementary")
                .get("text")
                .getAsString())
        .contains("Nachmeldung", "Ungefähre Zahl der betroffenen Personen: 1200 → 4800");
  }

  @ParameterizedTest
  @ValueSource(strings = {"de", "en"})
  void theArticle34NoticeSpeaksPlainlyAndFlagsMissingAdvice(String lang) throws Exception {
    clock.set(START);
    String id = completeBreach();
    JsonObject notice = draft(id, "data-subject-notice", "lang=" + lang);
    assertThat(missing(notice)).isEmpty();
    assertThat(notice.get("text").getAsString())
        .contains(
            "Phishing letters", "Be wary of letters", "Bucket made private", "Dr. Datenschutz", id);

    String bare = newIncident();
    write(
        "PUT",
        "/incidents/" + bare + "/triage",
        RESPONDER,
        etag(bare),
        "{\"classification\":\"BREACH\"}",
        200);
    assertThat(missing(draft(bare, "data-subject-notice", "lang=" + lang)))
        .contains("adviceToDataSubjects", "nature", "likelyConsequences");
  }

  @Test
  void anotherLanguageIsAnotherTemplateFileAndUntilThenItIsRefused() throws Exception {
    String id = completeBreach();
    assertThat(
            refused(
                call(
                    "GET",
                    "/incidents/" + id + "/drafts/data-subject-notice?lang=fr",
                    LEGAL,
                    null,
                    null),
                400))
        .isEqualTo("UNSUPPORTED_LANGUAGE");
  }

  @ParameterizedTest
  @ValueSource(strings = {"de", "en"})
  void theFinalReportHasTheTimelineWithPhaseDurationsAndEverythingRecorded(String lang)
      throws Exception {
    clock.set(START);
    String id = closedBreach();
    JsonObject report =
        body(call("GET", "/incidents/" + id + "/final-report", RESPONDER, null, null));
    assertThat(report.getAsJsonArray("phases")).hasSize(5);
    assertThat(report.getAsJsonArray("decisions")).hasSize(2);
    assertThat(report.getAsJsonArray("measures")).hasSize(3);
    assertThat(report.getAsJsonArray("evidence")).hasSize(1);
    assertThat(report.getAsJsonArray("timeline").size()).isGreaterThan(10);
    assertThat(report.getAsJsonArray("deadlines").toString())
        .contains("MET")
        .contains("Final report");
    assertThat(report.get("finalReportDueAt").getAsString()).isEqualTo("2026-12-06T08:00:00Z");

    String markdown =
        call(
                "GET",
                "/incidents/" + id + "/final-report?format=markdown&lang=" + lang,
                RESPONDER,
                null,
                null)
            .body();
    assertThat(markdown)
        .contains(
            id,
            "DETECTION_TRIAGE",
            "RECOVERY_CLOSURE",
            "NOTIFY_AUTHORITY",
            "Rotate links",
            "platform",
            HASH,
            "EFFECTIVE",
            "PHASE_CHANGED",
            "HIGH");
    assertThat(markdown).contains(lang.equals("de") ? "Entscheidungsprotokoll" : "Decision log");
    HttpResponse<String> html =
        call(
            "GET",
            "/incidents/" + id + "/final-report?format=html&lang=" + lang,
            RESPONDER,
            null,
            null);
    assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(html.body()).contains("lang=\"" + lang + "\"", "<table>", id, HASH);
  }

  @Test
  void theHtmlReportEscapesWhatPeopleTyped() throws Exception {
    clock.set(START);
    String id = completeBreach();
    write("PUT", "/incidents/" + id + "/assessment", LEGAL, etag(id), "{\"nature\":\"x\"}", 200);
    write(
        "POST",
        "/incidents/" + id + "/measures",
        RESPONDER,
        etag(id),
        "{\"type\":\"CORRECTIVE\",\"description\":\"<script>alert(1)</script>\"}",
        201);
    String html =
        call("GET", "/incidents/" + id + "/final-report?format=html&lang=en", RESPONDER, null, null)
            .body();
    assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
  }

  @ParameterizedTest
  @ValueSource(strings = {"de", "en"})
  void theBreachRegisterListsEveryBreachIncludingThoseNotNotifiedAndWhy(String lang)
      throws Exception {
    clock.set(START.plus(Duration.ofDays(400)));
    String notified = closedBreach();
    String quiet = newIncident();
    String etag =
        write(
            "PUT",
            "/incidents/" + quiet + "/triage",
            RESPONDER,
            etag(quiet),
            "{\"classification\":\"BREACH\",\"dataCategories\":[\"email address\"]}",
            200);
    write(
        "POST",
        "/incidents/" + quiet + "/decisions",
        LEGAL,
        etag,
        "{\"type\":\"NO_AUTHORITY_NOTIFICATION\",\"reasoning\":\"One mail to a colleague, deleted unread.\"}",
        201);
    String plain = newIncident();
    write(
        "PUT",
        "/incidents/" + plain + "/triage",
        RESPONDER,
        etag(plain),
        "{\"classification\":\"INCIDENT\"}",
        200);

    String from = clock.instant().minus(Duration.ofDays(1)).toString();
    JsonArray breaches =
        body(call("GET", "/breach-register?from=" + from, DPO, null, null))
            .getAsJsonArray("breaches");
    List<String> ids = new ArrayList<>();
    breaches.forEach(b -> ids.add(b.getAsJsonObject().get("incidentId").getAsString()));
    assertThat(ids).contains(notified, quiet).doesNotContain(plain);
    JsonObject quietRow = breaches.get(ids.indexOf(quiet)).getAsJsonObject();
    assertThat(quietRow.get("authorityDecision").getAsString())
        .isEqualTo("NO_AUTHORITY_NOTIFICATION");
    assertThat(quietRow.get("authorityDecisionReasoning").getAsString()).contains("deleted unread");
    JsonObject notifiedRow = breaches.get(ids.indexOf(notified)).getAsJsonObject();
    assertThat(notifiedRow.get("remedialAction").getAsString())
        .contains("Rotate links", "No public buckets");
    assertThat(notifiedRow.get("effects").getAsString()).contains("Phishing letters");

    HttpResponse<String> csv =
        call(
            "GET", "/breach-register?format=csv&lang=" + lang + "&from=" + from, LEGAL, null, null);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0))
        .startsWith(lang.equals("de") ? "Vorgang,Entdeckt am" : "Incident,Detected at");
    // One name per column, so each value sits under its own heading.
    assertThat(lines.get(0).split(","))
        .hasSize(org.meldekette.domain.report.BreachRegister.COLUMNS.size());
    assertThat(lines).hasSize(1 + breaches.size());
    assertThat(call("GET", "/breach-register", RESPONDER, null, null).statusCode()).isEqualTo(403);
  }
}
