package org.meldekette.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.meldekette.testing.DatabaseContents;
import org.meldekette.testing.TestHttp;

class ReportIntakeFunctionTest extends ServedIntake {
  @Test
  void aJsonReportCreatesTheIncidentTheReportTheContactAndTheFirstTimelineEntry() throws Exception {
    HttpResponse<String> response =
        post(
            JSON,
            """
        {"kind":"SUSPECTED_DATA_BREACH","title":"Customer list on a public bucket",
         "description":"The export bucket lists files\\nwith customer addresses.",
         "affectedSystems":["export-bucket","crm"],"observedAt":"2026-11-22T07:30:00+01:00",
         "reporterName":"Erika Mustermann","reporterEmail":"erika@example.org","language":"de"}""");

    assertThat(response.statusCode()).isEqualTo(201);
    JsonObject body = TestHttp.json(response);
    String id = body.get("incidentId").getAsString();
    assertThat(id).matches("INC-20261122-[0-9A-HJKMNP-TV-Z]{6}");
    assertThat(body.get("message").getAsString())
        .contains(id)
        .contains("unverzüglich")
        .contains("Empfangscode");
    assertThat(documentsOf(id))
        .containsExactly(
            "audit-events/incidents:" + id + ":0000000001",
            "incidents/" + id,
            "incidents/" + id + "/timeline/v000001",
            "reporter-contacts/" + id,
            "reports/" + id);

    DocumentSnapshot incident = db.collection("incidents").document(id).get().get();
    assertThat(incident.getString("phase")).isEqualTo("DETECTION_TRIAGE");
    assertThat(incident.getString("source")).isEqualTo("REPORT");
    assertThat(incident.getString("reportKind")).isEqualTo("SUSPECTED_DATA_BREACH");
    assertThat(incident.get("detectedAt"))
        .isEqualTo(Timestamp.parseTimestamp("2026-11-22T08:00:00Z"));
    assertThat(incident.getData().values().toString())
        .doesNotContain("Erika")
        .doesNotContain("erika@example.org");

    DocumentSnapshot report = db.collection("reports").document(id).get().get();
    assertThat(report.getString("description"))
        .isEqualTo("The export bucket lists files\nwith customer addresses.");
    assertThat(report.get("affectedSystems")).isEqualTo(List.of("export-bucket", "crm"));
    assertThat(report.get("observedAt"))
        .isEqualTo(Timestamp.parseTimestamp("2026-11-22T06:30:00Z"));
    assertThat(report.getData().values().toString())
        .doesNotContain("Erika")
        .doesNotContain("erika@example.org");

    DocumentSnapshot contact = db.collection("reporter-contacts").document(id).get().get();
    assertThat(contact.getString("name")).isEqualTo("Erika Mustermann");
    assertThat(contact.getString("email")).isEqualTo("erika@example.org");

    DocumentSnapshot entry = db.document("incidents/" + id + "/timeline/v000001").get().get();
    assertThat(entry.getString("type")).isEqualTo("REPORT_RECEIVED");
    assertThat(entry.getString("actorKind")).isEqualTo("REPORTER");
    assertThat(entry.getString("actorId")).isEqualTo(id);
  }

  @Test
  void aPlainHtmlFormReportIsTakenInTheSameWay() throws Exception {
    HttpResponse<String> response =
        post(
            FORM + "; charset=UTF-8",
            "kind=VULNERABILITY&title=XSS+in+search&description=Search+reflects+%3Cscript%3E+%E2%80%93+see+PoC"
                + "&affectedSystems=web-shop%0D%0Asearch-api&language=en&reporterEmail=&reporterName=");

    assertThat(response.statusCode()).isEqualTo(201);
    JsonObject body = TestHttp.json(response);
    String id = body.get("incidentId").getAsString();
    assertThat(body.get("message").getAsString())
        .contains(id)
        .contains("without delay")
        .contains("without an email address");
    assertThat(documentsOf(id))
        .containsExactly(
            "audit-events/incidents:" + id + ":0000000001",
            "incidents/" + id,
            "incidents/" + id + "/timeline/v000001",
            "reports/" + id);
    DocumentSnapshot report = db.collection("reports").document(id).get().get();
    assertThat(report.getString("description"))
        .isEqualTo("Search reflects <script> \u2013 see PoC");
    assertThat(report.get("affectedSystems")).isEqualTo(List.of("web-shop", "search-api"));
    assertThat(report.getString("language")).isEqualTo("en");
  }

  @Test
  void aRepeatedSubmissionWithTheSameIdempotencyKeyReturnsTheFirstAnswerAndWritesNothing() {
    String key = UUID.randomUUID().toString();
    HttpResponse<String> first = post(JSON, validJson(), "Idempotency-Key", key);
    TreeSet<String> afterFirst = DatabaseContents.documentPaths(db);

    HttpResponse<String> again = post(JSON, validJson(), "Idempotency-Key", key);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(DatabaseContents.documentPaths(db)).isEqualTo(afterFirst);
  }

  @Test
  void aDoubleClickedFormWithItsHiddenSubmissionIdCreatesOneIncident() throws Exception {
    String form =
        "kind=SECURITY_INCIDENT&title=Phishing+mail&description=Got+a+mail&submissionId="
            + UUID.randomUUID();
    TreeSet<String> before = DatabaseContents.documentPaths(db);
    ExecutorService clicks = Executors.newFixedThreadPool(4);
    List<Callable<HttpResponse<String>>> submissions = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      submissions.add(() -> post(FORM, form));
    }
    List<String> ids = new ArrayList<>();
    for (Future<HttpResponse<String>> response : clicks.invokeAll(submissions)) {
      assertThat(response.get().statusCode()).isEqualTo(201);
      ids.add(TestHttp.json(response.get()).get("incidentId").getAsString());
    }
    clicks.shutdown();

    assertThat(Set.copyOf(ids)).hasSize(1);
    TreeSet<String> added = DatabaseContents.documentPaths(db);
    added.removeAll(before);
    assertThat(added.stream().filter(p -> p.startsWith("incidents/") && !p.contains("/timeline/")))
        .hasSize(1);
    assertThat(added.stream().filter(p -> p.startsWith("idempotency/"))).hasSize(1);
  }

  @Test
  void theRequestLogLineCarriesNoReporterData() {
    ReportIntakeUnderTest.LOG.reset();
    HttpResponse<String> response =
        post(
            JSON,
            """
        {"kind":"OTHER","title":"Secret title 4711","description":"Private text 0815",
         "reporterName":"Max Mustermann","reporterEmail":"max.mustermann@example.org"}""",
            "X-Cloud-Trace-Context",
            "105445aa7843bc8bf206b12000100000/1;o=1");
    String id = TestHttp.json(response).get("incidentId").getAsString();

    String log = ReportIntakeUnderTest.logText();
    List<String> requestLines =
        log.lines().filter(line -> line.contains("\"httpRequest\"")).toList();
    assertThat(requestLines).hasSize(1);
    assertThat(requestLines.get(0))
        .contains(id)
        .contains("\"severity\":\"INFO\"")
        .contains("201")
        .contains(
            "\"logging.googleapis.com/trace\":\"projects/test/traces/105445aa7843bc8bf206b12000100000\"");
    List<String> auditLines =
        log.lines().filter(line -> line.contains("\"logName\":\"meldekette-audit\"")).toList();
    assertThat(auditLines).hasSize(1);
    assertThat(auditLines.get(0)).contains("REPORT_RECEIVED").contains(id);
    // Neither the request log nor the audit log carries what the reporter wrote or who they are.
    assertThat(log)
        .doesNotContain("Mustermann")
        .doesNotContain("example.org")
        .doesNotContain("4711")
        .doesNotContain("0815")
        .doesNotContain("127.0.0.1");
  }

  @Test
  void aPreflightFromTheFormOriginIsAllowed() {
    HttpResponse<String> response =
        TestHttp.send(
            "OPTIONS",
            server.uri("/"),
            (String) null,
            "Origin",
            "https://report.example.com",
            "Access-Control-Request-Method",
            "POST",
            "Access-Control-Request-Headers",
            "content-type, idempotency-key");

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://report.example.com");
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST");
    assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
        .contains("Idempotency-Key")
        .contains("Content-Type");
  }

  @Test
  void aPostFromTheFormOriginMayReadTheAnswer() {
    HttpResponse<String> response = post(JSON, validJson(), "Origin", "https://report.example.com");

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://report.example.com");
  }

  static String validJson() {
    return "{\"kind\":\"SECURITY_INCIDENT\",\"title\":\"Laptop stolen\",\"description\":\"Left on a train.\"}";
  }

  private static TreeSet<String> documentsOf(String incidentId) {
    return DatabaseContents.documentPaths(db).stream()
        .filter(path -> path.contains(incidentId))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
