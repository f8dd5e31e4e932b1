package org.meldekette.domain.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meldekette.domain.Language;
import org.meldekette.domain.Report;
import org.meldekette.domain.report.Templates;

/** The mailbox's rules: who wrote it, is the sender forged, which report a reply joins. */
class MailRulesTest {
  private static final Instant NOW = Instant.parse("2026-12-04T09:00:00Z");
  private static final ThreadKeys KEYS =
      new ThreadKeys(
          "0123456789abcdef0123".getBytes(StandardCharsets.UTF_8), "security@example.com");

  private static MailMessage mail(String from, String subject, String text) {
    return new Builder().from(from).subject(subject).text(text).build();
  }

  /** A mail with every header a rule reads, as a person's ordinary mail has them. */
  static final class Builder {
    String from = "reporter@example.org";
    String subject = "Phishing";
    String text = "A mail asked for my password.";
    List<String> to = List.of("security@example.com");
    List<String> inReplyTo = List.of();
    String autoSubmitted;
    String precedence;
    boolean suppress;
    boolean list;
    String returnPath = "<reporter@example.org>";
    boolean report;
    List<String> auth = List.of();

    Builder from(String v) {
      from = v;
      return this;
    }

    Builder subject(String v) {
      subject = v;
      return this;
    }

    Builder text(String v) {
      text = v;
      return this;
    }

    MailMessage build() {
      return new MailMessage(
          "m1@example.org",
          inReplyTo,
          from,
          "Rita Reporter",
          to,
          subject,
          text,
          NOW,
          null,
          List.of(),
          autoSubmitted,
          precedence,
          suppress,
          false,
          list,
          returnPath,
          report,
          auth,
          List.of());
    }
  }

  @Test
  void machinesAreRecognisedAfterRfc3834AndHabit() {
    assertThat(MailKind.of(mail("reporter@example.org", "Phishing", "x")))
        .isEqualTo(MailKind.PERSON);
    Builder auto = new Builder();
    auto.autoSubmitted = "auto-replied";
    assertThat(MailKind.of(auto.build())).isEqualTo(MailKind.AUTO_REPLY);
    Builder no = new Builder();
    no.autoSubmitted = "no";
    assertThat(MailKind.of(no.build()))
        .as("Auto-Submitted: no is a person")
        .isEqualTo(MailKind.PERSON);
    Builder bulk = new Builder();
    bulk.precedence = "bulk";
    assertThat(MailKind.of(bulk.build())).isEqualTo(MailKind.AUTO_REPLY);
    Builder suppress = new Builder();
    suppress.suppress = true;
    assertThat(MailKind.of(suppress.build())).isEqualTo(MailKind.AUTO_REPLY);
    Builder list = new Builder();
    list.list = true;
    assertThat(MailKind.of(list.build())).isEqualTo(MailKind.MAILING_LIST);
    Builder bounce = new Builder();
    bounce.returnPath = "<>";
    assertThat(MailKind.of(bounce.build())).isEqualTo(MailKind.BOUNCE);
    assertThat(MailKind.of(mail("MAILER-DAEMON@mx.example.org", "Undelivered", "x")))
        .isEqualTo(MailKind.BOUNCE);
    assertThat(MailKind.of(mail("a@example.org", "Abwesenheitsnotiz: Phishing", "x")))
        .isEqualTo(MailKind.AUTO_REPLY);
    assertThat(MailKind.of(mail("a@example.org", "Automatic reply: Phishing", "x")))
        .isEqualTo(MailKind.AUTO_REPLY);
  }

  @Test
  void onlyOurOwnServersAuthenticationResultsCount() {
    List<String> headers =
        List.of(
            "mx.example.com; spf=pass smtp.mailfrom=example.org; dkim=pass header.d=example.org;"
                + " dmarc=pass header.from=example.org",
            "evil.example; dmarc=pass");
    SenderVerdict ours = SenderVerdict.of(headers, "mx.example.com");
    assertThat(ours.authentic()).isTrue();
    assertThat(ours.spf()).isEqualTo("pass");

    List<String> forged =
        List.of("mx.example.com; spf=fail; dmarc=fail", "mx.example.org; dmarc=pass");
    assertThat(SenderVerdict.of(forged, "mx.example.com").authentic()).isFalse();
    assertThat(SenderVerdict.of(List.of("attacker.example; dmarc=pass"), "mx.example.com"))
        .as("a header the sender wrote proves nothing")
        .isEqualTo(SenderVerdict.NONE);
    assertThat(SenderVerdict.of(List.of(), "mx.example.com").authentic()).isFalse();
  }

  @Test
  void aReplyFindsItsReportOnlyThroughWhatMeldeketteSigned() {
    String address = KEYS.replyAddress("INC-20261204-ABC123");
    assertThat(address).startsWith("security+inc-20261204-abc123-").endsWith("@example.com");
    assertThat(KEYS.byReplyAddress(List.of("Rita <" + address + ">")))
        .contains("INC-20261204-ABC123");
    String forged = address.replace("inc-20261204-abc123", "inc-20261204-zzz999");
    assertThat(KEYS.byReplyAddress(List.of(forged))).isEmpty();

    String id = KEYS.messageId("INC-20261204-ABC123", "ack-1");
    assertThat(KEYS.byReference(List.of("other@x", id))).contains("INC-20261204-ABC123");
    assertThat(KEYS.byReference(List.of(id.replace("ack-1", "ack-2")))).isEmpty();
    ThreadKeys otherKey =
        new ThreadKeys(
            "another-secret-key-000".getBytes(StandardCharsets.UTF_8), "security@example.com");
    assertThat(otherKey.byReference(List.of(id))).as("another key verifies nothing").isEmpty();
  }

  @Test
  void routesPersonsRepliesTaggedFollowUpsAndMachines() {
    Builder reply = new Builder();
    reply.to = List.of(KEYS.replyAddress("INC-20261204-ABC123"));
    MailRoute route = MailRoute.of(reply.build(), MailKind.PERSON, KEYS);
    assertThat(route).isEqualTo(new MailRoute(MailRoute.Disposition.REPLY, "INC-20261204-ABC123"));

    MailMessage tagged = mail("x@example.org", "Re: [INC-20261204-ABC123] more", "x");
    assertThat(MailRoute.of(tagged, MailKind.PERSON, KEYS).disposition())
        .isEqualTo(MailRoute.Disposition.UNVERIFIED_FOLLOW_UP);
    assertThat(MailRoute.of(tagged, MailKind.AUTO_REPLY, KEYS).disposition())
        .isEqualTo(MailRoute.Disposition.MACHINE_ON_THREAD);
    MailMessage fresh = mail("x@example.org", "Found a bug", "x");
    assertThat(MailRoute.of(fresh, MailKind.BOUNCE, KEYS).disposition())
        .isEqualTo(MailRoute.Disposition.MACHINE_UNFILED);
    MailRoute report = MailRoute.of(fresh, MailKind.PERSON, KEYS);
    assertThat(report.disposition()).isEqualTo(MailRoute.Disposition.NEW_REPORT);
    SenderVerdict pass = new SenderVerdict("pass", "pass", "pass");
    assertThat(report.acknowledged(MailKind.PERSON, pass)).isTrue();
    assertThat(report.acknowledged(MailKind.PERSON, SenderVerdict.NONE))
        .as("no answer to a sender that may be forged")
        .isFalse();
  }

  @Test
  void aMailBecomesAReportWithinTheFormsLimits() {
    MailMessage mail =
        mail(
            "rita@example.org",
            "Phish\r\nBcc: evil@example.com",
            "Line\u0000one\n" + "x".repeat(30_000));
    Report report = MailReport.of(mail, NOW);
    assertThat(report.title()).isEqualTo("Phish  Bcc: evil@example.com");
    assertThat(report.description())
        .hasSizeLessThanOrEqualTo(Report.MAX_DESCRIPTION_LENGTH)
        .startsWith("Line one")
        .endsWith("kept raw]");
    assertThat(report.contact().email()).isEqualTo("rita@example.org");
    assertThat(MailReport.of(mail("not an address", "", ""), NOW).contact().email()).isNull();
  }

  @Test
  void outgoingMailTakesNoLineBreakIntoItsHeadersAndAnswersInTheSendersLanguage() {
    Templates templates = new Templates();
    OutgoingMail ack =
        OutgoingMail.acknowledgement(
            templates,
            KEYS,
            "ack-1",
            "INC-20261204-ABC123",
            "rita@example.org",
            "ABCD-EFGH",
            "https://report.example.com/status/",
            Language.DE,
            "m1@example.org",
            "Phishing\r\nBcc: evil@example.com");
    assertThat(ack.subject())
        .doesNotContain("\r", "\n")
        .startsWith("[INC-20261204-ABC123] Ihre Meldung");
    assertThat(ack.body()).contains("ABCD-EFGH").contains("https://report.example.com/status/");
    assertThat(ack.autoSubmitted()).isEqualTo("auto-replied");
    assertThat(KEYS.byReference(List.of(ack.messageId()))).contains("INC-20261204-ABC123");
    assertThatThrownBy(
            () -> new OutgoingMail("a@b.c\r\nBcc: x@y.z", null, "s", "b", "id", List.of(), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(
            MailLanguage.of(
                mail(
                    "a@b.c", "Phishing", "Hallo, ich habe eine Mail bekommen, die nicht echt ist")))
        .isEqualTo(Language.DE);
    assertThat(MailLanguage.of(mail("a@b.c", "Phishing", "Hello, we got a mail that is not real")))
        .isEqualTo(Language.EN);
  }
}
