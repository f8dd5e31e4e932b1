package org.meldekette.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meldekette.dev.LocalTaskQueue;
import org.meldekette.testing.DatabaseContents;
import org.meldekette.testing.TestHttp;

/**
 * The reporter's side: the receipt code shown once, the status page behind it, answers from the
 * reporter, the brute-force guard, security.txt, and the new incident announced at once.
 */
class StatusPageTest extends ServedIntake {
  private static final String CODE_PATTERN =
      "[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){5}-[0-9A-HJKMNP-TV-Z]{2}";

  private static JsonObject report(String key) {
    HttpResponse<String> response =
        post(
            JSON,
            """
            {"kind":"VULNERABILITY","title":"XSS in search","description":"The q parameter is reflected.",
             "language":"en"}""",
            "Idempotency-Key",
            key);
    assertThat(response.statusCode()).isEqualTo(201);
    return TestHttp.json(response);
  }

  private static HttpResponse<String> status(String code, String client) {
    return TestHttp.send(
        "POST",
        server.uri("/api/status"),
        "{\"code\":\"" + code + "\"}",
        "Content-Type",
        JSON,
        "X-Forwarded-For",
        client);
  }

  private static HttpResponse<String> answer(String code, String text, String key) {
    return TestHttp.send(
        "POST",
        server.uri("/api/status/messages"),
        "{\"code\":\"" + code + "\",\"text\":\"" + text + "\"}",
        "Content-Type",
        JSON,
        "Idempotency-Key",
        key,
        "X-Forwarded-For",
        "192.0.2.10");
  }

  @Test
  void theReceiptShowsACodeOnceThatNothingStoredContainsAndALostAnswerShowsItAgain()
      throws Exception {
    String key = UUID.randomUUID().toString();
    JsonObject receipt = report(key);
    String code = receipt.get("receiptCode").getAsString();
    assertThat(code).matches(CODE_PATTERN);
    assertThat(receipt.get("statusPage").getAsString()).isEqualTo("/status/");
    String bare = code.replace("-", "");
    for (String path : DatabaseContents.documentPaths(db)) {
      assertThat(path).doesNotContain(bare);
      assertThat(String.valueOf(db.document(path).get().get().getData()))
          .as(path)
          .doesNotContain(code)
          .doesNotContain(bare);
    }
    // The first answer was lost; the form sends again with its key and shows the same code.
    JsonObject again = report(key);
    assertThat(again.get("receiptCode").getAsString()).isEqualTo(code);
    assertThat(again.get("incidentId").getAsString())
        .isEqualTo(receipt.get("incidentId").getAsString());
    assertThat(report(UUID.randomUUID().toString()).get("receiptCode").getAsString())
        .isNotEqualTo(code);
  }

  @Test
  void theCodeOpensTheStatusInPlainWordsAndTheReporterCanAddToTheReportOnce() throws Exception {
    JsonObject receipt = report(UUID.randomUUID().toString());
    String id = receipt.get("incidentId").getAsString();
    String code = receipt.get("receiptCode").getAsString();

    HttpResponse<String> shown = status(code.toLowerCase().replace("-", " "), "192.0.2.10");
    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(shown.headers().firstValue("Cache-Control")).hasValue("no-store");
    JsonObject view = TestHttp.json(shown);
    assertThat(view.get("incidentId").getAsString()).isEqualTo(id);
    assertThat(view.get("status").getAsString()).isEqualTo("RECEIVED");
    assertThat(view.get("canAnswer").getAsBoolean()).isTrue();
    assertThat(view.getAsJsonArray("messages")).isEmpty();
    assertThat(view.toString()).doesNotContain("DETECTION_TRIAGE").doesNotContain("XSS");

    String key = UUID.randomUUID().toString();
    HttpResponse<String> added = answer(code, "It also works with the name parameter.", key);
    assertThat(added.statusCode()).isEqualTo(201);
    assertThat(answer(code, "It also works with the name parameter.", key).statusCode())
        .as("sent twice")
        .isEqualTo(201);
    JsonObject after = TestHttp.json(status(code, "192.0.2.10"));
    assertThat(after.getAsJsonArray("messages")).hasSize(1);
    JsonObject message = after.getAsJsonArray("messages").get(0).getAsJsonObject();
    assertThat(message.get("from").getAsString()).isEqualTo("REPORTER");
    assertThat(message.get("text").getAsString()).contains("name parameter");

    List<String> timeline =
        db
            .collection("incidents")
            .document(id)
            .collection("timeline")
            .get()
            .get()
            .getDocuments()
            .stream()
            .map(d -> d.getString("type") + " " + d.getData())
            .toList();
    assertThat(timeline.stream().filter(e -> e.startsWith("REPORTER_MESSAGE_RECEIVED")))
        .singleElement()
        .asString()
        .doesNotContain("name parameter");
    assertThat(ReportIntakeUnderTest.logText()).doesNotContain("name parameter");

    String before = String.valueOf(DatabaseContents.documentPaths(db));
    assertThat(TestHttp.json(answer(code, " ", UUID.randomUUID().toString())))
        .satisfies(
            e ->
                assertThat(e.getAsJsonObject("error").get("field").getAsString())
                    .isEqualTo("text"));
    assertThat(String.valueOf(DatabaseContents.documentPaths(db))).isEqualTo(before);

    db.collection("incidents").document(id).update("phase", "CLOSED").get();
    HttpResponse<String> closed = answer(code, "One more thing.", UUID.randomUUID().toString());
    assertThat(closed.statusCode()).isEqualTo(409);
    assertThat(TestHttp.json(status(code, "192.0.2.10")).get("canAnswer").getAsBoolean()).isFalse();
  }

  @Test
  void aWrongCodeIs404WhetherOrNotAReportExistsAndTooManyLockTheClientOutForAWhile() {
    String code = report(UUID.randomUUID().toString()).get("receiptCode").getAsString();
    String attacker = "198.51.100.23";
    HttpResponse<String> wrong = status("ABCD-EFGH-JKMN-PQRS-TVWX-YZ", attacker);
    HttpResponse<String> malformed = status("not a code", attacker);
    assertThat(wrong.statusCode()).isEqualTo(404);
    assertThat(malformed.statusCode()).isEqualTo(404);
    assertThat(TestHttp.json(wrong)).isEqualTo(TestHttp.json(malformed));
    for (int i = 2; i < StatusPage.FAILED_LOOKUPS; i++) {
      assertThat(status("ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-" + (10 + i), attacker).statusCode())
          .isEqualTo(404);
    }
    HttpResponse<String> locked = status(code, attacker);
    assertThat(locked.statusCode()).as("even the right code, while locked").isEqualTo(429);
    assertThat(TestHttp.json(locked).getAsJsonObject("error").get("code").getAsString())
        .isEqualTo("TOO_MANY_ATTEMPTS");
    assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(1L, StatusPage.WINDOW.toSeconds());
    // The address a client claims in front of the proxy's is not believed: still the same client.
    assertThat(status(code, "203.0.113.1, " + attacker).statusCode()).isEqualTo(429);
    assertThat(status(code, "192.0.2.77").statusCode()).as("another client").isEqualTo(200);
  }

  @Test
  void securityTxtNamesTheFormThePolicyTheLanguagesAndExpiresWithinAYear() {
    HttpResponse<String> response =
        TestHttp.send("GET", server.uri("/.well-known/security.txt"), (String) null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    List<String> lines = response.body().lines().filter(l -> !l.startsWith("#")).toList();
    Instant expires =
        Instant.parse(
            lines.stream()
                .filter(l -> l.startsWith("Expires: "))
                .findFirst()
                .orElseThrow()
                .substring(9));
    assertThat(expires)
        .isEqualTo(
            ReportIntakeUnderTest.NOW.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(180)))
        .isBefore(ReportIntakeUnderTest.NOW.plus(Duration.ofDays(365)));
    assertThat(lines)
        .contains(
            "Contact: https://report.example.com/",
            "Policy: https://report.example.com/#rules-heading",
            "Preferred-Languages: de, en",
            "Canonical: https://report.example.com/.well-known/security.txt");
    assertThat(lines.stream().filter(l -> l.startsWith("Expires:"))).hasSize(1);
  }

  @Test
  void aNewIncidentIsAnnouncedRightAfterItsCommit() {
    String id = report(UUID.randomUUID().toString()).get("incidentId").getAsString();
    assertThat(queue.pending())
        .extracting(LocalTaskQueue.Task::name)
        .contains(id + "-new")
        .doesNotContain(id + "-page");
  }
}
