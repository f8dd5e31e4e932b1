package org.meldekette.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Reports by mail and answers by mail, over real SMTP and IMAP: a mail becomes an incident, its
 * sender gets an acknowledgement with the receipt code, a reply joins the same incident; machines
 * and forged senders get no answer; a mail delivered twice files once.
 */
class MailboxEndToEndTest extends ServedMailbox {
  private static final Pattern INCIDENT = Pattern.compile("INC-\\d{8}-[0-9A-Z]{6}");

  private static String mailFrom(String from, String subject, String extraHeaders, String body) {
    return "From: Rita Reporter <"
        + from
        + ">\r\n"
        + "To: "
        + MAILBOX
        + "\r\n"
        + "Subject: "
        + subject
        + "\r\n"
        + "Message-ID: <"
        + UUID.randomUUID()
        + "@example.org>\r\n"
        + "Date: Fri, 04 Dec 2026 10:00:00 +0100\r\n"
        + extraHeaders
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=utf-8\r\n"
        + "\r\n"
        + body
        + "\r\n";
  }

  private static long incidents() throws Exception {
    return db.collection("incidents").count().get().get().getCount();
  }

  @Test
  void aMailBecomesAnIncidentItsSenderIsAcknowledgedAndAReplyJoinsTheSameIncident()
      throws Exception {
    long before = incidents();
    // Digits only: a UUID's letters ("a", "b", …) would count as English words and could outvote
    // the
    // German text in the language the acknowledgement is written in.
    String subject = "Phishing mail to our finance team " + System.nanoTime();
    send(
        mailFrom(
            "rita@example.org",
            subject,
            authenticated("pass"),
            "Hallo, wir haben eine Mail bekommen, die nach dem Passwort fragt."));

    assertThat(poll().statusCode()).isEqualTo(200);
    assertThat(incidents()).isEqualTo(before + 1);
    assertThat(flaggedFiled(subject)).as("marked on the server once filed").isTrue();
    deliverMail();

    List<MimeMessage> received = inbox("rita@example.org");
    MimeMessage ack = received.get(received.size() - 1);
    assertThat(ack.getSubject()).contains("Ihre Meldung ist eingegangen");
    assertThat(ack.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
    String text = (String) ack.getContent();
    assertThat(text).contains("Empfangscode").contains("https://report.meldekette.test/status/");
    Matcher id = INCIDENT.matcher(ack.getSubject());
    assertThat(id.find()).isTrue();
    String incidentId = id.group();

    // The reporter answers the acknowledgement: the reply goes to the report's own address.
    String reply =
        "From: Rita Reporter <rita@example.org>\r\n"
            + "To: "
            + ack.getReplyTo()[0]
            + "\r\n"
            + "Subject: Re: "
            + ack.getSubject()
            + "\r\n"
            + "Message-ID: <"
            + UUID.randomUUID()
            + "@example.org>\r\n"
            + "In-Reply-To: "
            + ack.getMessageID()
            + "\r\n"
            + authenticated("pass")
            + "\r\nThe mail came from payroll@evil.example.\r\n";
    send(reply);
    assertThat(poll().statusCode()).isEqualTo(200);
    assertThat(incidents()).as("a reply opens nothing new").isEqualTo(before + 1);
    var messages =
        db.collection("incidents").document(incidentId).collection("reporter-messages").get().get();
    assertThat(messages.getDocuments())
        .anySatisfy(m -> assertThat(m.getString("text")).contains("payroll@evil.example"));
  }

  @Test
  void autoRepliesAndBouncesAreRecordedButNeverAnsweredAndOpenNothing() throws Exception {
    long before = incidents();
    int inboxBefore = inbox("robot@example.org").size();
    send(
        mailFrom(
            "robot@example.org",
            "Automatic reply: holiday",
            "Auto-Submitted: auto-replied\r\n" + authenticated("pass"),
            "I am away."));
    send(
        mailFrom(
            "MAILER-DAEMON@example.org",
            "Undelivered Mail Returned to Sender",
            authenticated("pass"),
            "Delivery failed."));
    assertThat(poll().statusCode()).isEqualTo(200);
    deliverMail();
    assertThat(incidents()).isEqualTo(before);
    assertThat(inbox("robot@example.org")).hasSize(inboxBefore);
    assertThat(db.collection("mail-messages").whereEqualTo("disposition", "AUTO_REPLY").get().get())
        .isNotEmpty();
  }

  @Test
  void aSenderWithoutDmarcPassIsFlaggedAndNotAnswered() throws Exception {
    long before = incidents();
    send(
        mailFrom(
            "spoofed@example.org",
            "Urgent: your account " + UUID.randomUUID(),
            authenticated("fail"),
            "Click here."));
    assertThat(poll().statusCode()).isEqualTo(200);
    deliverMail();
    assertThat(incidents())
        .as("still a report: a person may have written it")
        .isEqualTo(before + 1);
    assertThat(inbox("spoofed@example.org")).as("no backscatter").isEmpty();
    var entries =
        db.collectionGroup("mail").whereEqualTo("fromAddress", "spoofed@example.org").get().get();
    assertThat(entries.getDocuments())
        .singleElement()
        .satisfies(
            e -> assertThat(String.valueOf(e.get("flags"))).contains("SENDER_MAY_BE_FORGED"));
  }

  @Test
  void aMailDeliveredTwiceFilesOnce() throws Exception {
    long before = incidents();
    String raw =
        mailFrom(
            "twice@example.org",
            "Found an open S3 bucket",
            authenticated("pass"),
            "It is world readable.");
    send(raw);
    send(raw); // the same Message-ID arrives again
    assertThat(poll().statusCode()).isEqualTo(200);
    assertThat(poll().statusCode()).isEqualTo(200);
    assertThat(incidents()).isEqualTo(before + 1);
    deliverMail();
    deliverMail();
    assertThat(inbox("twice@example.org")).hasSize(1);
  }
}
