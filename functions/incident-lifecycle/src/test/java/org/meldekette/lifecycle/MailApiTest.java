package org.meldekette.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meldekette.domain.IncidentIds;
import org.meldekette.domain.Language;
import org.meldekette.domain.ReceiptCode;
import org.meldekette.domain.Report;
import org.meldekette.domain.ReportKind;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.deadline.Regimes;
import org.meldekette.domain.mail.MailAttachment;
import org.meldekette.domain.mail.MailThreadEntry;
import org.meldekette.domain.mail.SenderVerdict;
import org.meldekette.store.MailStore;

/**
 * The incident's mail through the staff API: need-to-know, the raw message as an audited read, and
 * an unverified follow-up confirmed as the reporter's message. The mail is filed as the mailbox
 * function files it.
 */
class MailApiTest extends ServedLifecycle {
  private static final byte[] RAW =
      "From: rita@example.org\r\nSubject: Phishing\r\n\r\nA mail asked for my password.\r\n"
          .getBytes(StandardCharsets.US_ASCII);

  private static MailStore mail() {
    return new MailStore(db, new DeadlinePolicy(Regimes.shipped("GDPR", "INTERNAL")), c -> {});
  }

  private static MailThreadEntry entry(String key, String kind, String status, String text) {
    return new MailThreadEntry(
        key,
        MailThreadEntry.Direction.IN,
        kind,
        clock.instant(),
        "Phishing",
        "rita@example.org",
        new SenderVerdict("pass", "pass", "pass"),
        key + "@example.org",
        "a".repeat(64),
        RAW.length,
        List.of(new MailAttachment("mail.eml", "message/rfc822", 10, "b".repeat(64))),
        List.of(),
        status,
        text);
  }

  private static String reportedByMail(String key) {
    MailStore store = mail();
    store.keepRaw("a".repeat(64), RAW, "test", clock.instant());
    return (String)
        store
            .fileReport(
                Report.submitted(
                    ReportKind.OTHER,
                    "Phishing",
                    "A mail asked for my password.",
                    List.of(),
                    null,
                    null,
                    "rita@example.org",
                    Language.EN,
                    clock.instant()),
                false,
                ReceiptCode.random(new SecureRandom()),
                key,
                new IncidentIds(clock, new SecureRandom()),
                clock.instant(),
                incidentId -> Map.of("incidentId", incidentId),
                entry(key, "REPORT", null, null))
            .answer()
            .get("incidentId");
  }

  @Test
  void theThreadIsNeedToKnowAndTheRawMessageAnAuditedRead() {
    String id = reportedByMail("0123456789abcdef0123456789abcdef");
    assertThat(refused(call("GET", "/incidents/" + id + "/mail", RESPONDER, null, null), 403))
        .isEqualTo("FORBIDDEN");
    JsonObject thread = body(call("GET", "/incidents/" + id + "/mail", DPO, null, null));
    JsonObject first = thread.getAsJsonArray("mail").get(0).getAsJsonObject();
    assertThat(first.get("kind").getAsString()).isEqualTo("REPORT");
    assertThat(first.getAsJsonObject("sender").get("authentic").getAsBoolean()).isTrue();
    assertThat(
            first
                .getAsJsonArray("attachments")
                .get(0)
                .getAsJsonObject()
                .get("sha256")
                .getAsString())
        .isEqualTo("b".repeat(64));

    HttpResponse<String> raw =
        call(
            "GET",
            "/incidents/" + id + "/mail/0123456789abcdef0123456789abcdef/raw",
            DPO,
            null,
            null);
    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.headers().firstValue("Content-Type").orElse("")).startsWith("message/rfc822");
    assertThat(raw.body().getBytes(StandardCharsets.US_ASCII)).isEqualTo(RAW);
    assertThat(body(call("GET", "/incidents/" + id + "/timeline", DPO, null, null)).toString())
        .contains("MAIL_READ")
        .doesNotContain("password");
  }

  @Test
  void anUnverifiedFollowUpIsConfirmedOnceAsTheReportersMessage() {
    String id = reportedByMail("fedcba9876543210fedcba9876543210");
    mail()
        .record(
            id,
            "UNVERIFIED_FOLLOW_UP",
            entry(
                "11112222333344445555666677778888",
                "UNVERIFIED_FOLLOW_UP",
                "PENDING",
                "The sender was payroll@evil.example."),
            clock.instant());
    String path = "/incidents/" + id + "/mail/11112222333344445555666677778888/confirm";
    JsonObject confirmed = body(call("POST", path, DPO, null, "{}"));
    assertThat(confirmed.get("status").getAsString()).isEqualTo("CONFIRMED");
    assertThat(
            body(call("GET", "/incidents/" + id + "/reporter-messages", DPO, null, null))
                .toString())
        .contains("payroll@evil.example");
    assertThat(refused(call("POST", path, DPO, null, "{}"), 409)).isEqualTo("NOT_UNVERIFIED");
  }
}
