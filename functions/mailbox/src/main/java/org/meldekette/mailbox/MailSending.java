package org.meldekette.mailbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.meldekette.domain.Actor;
import org.meldekette.domain.Language;
import org.meldekette.domain.ReporterContact;
import org.meldekette.domain.mail.MailEvents;
import org.meldekette.domain.mail.MailThreadEntry;
import org.meldekette.domain.mail.OutgoingMail;
import org.meldekette.domain.report.Templates;
import org.meldekette.store.MailOutbox;
import org.meldekette.store.MailStore;
import org.meldekette.store.ReportStore;

/**
 * Sends one mail of the outbox, from its Cloud Task: claimed first, so a task delivered twice sends
 * once; the reporter's address read only now (an audited read, as every read of it); the receipt
 * code unsealed only now and dropped once sent. A failure frees the claim for Cloud Tasks' retry.
 * The Message-ID is fixed by the mail's key: were a crash to come between sending and recording,
 * the retry sends the same message again with the same ID, which mail clients show once.
 */
final class MailSending {
  static final Actor SERVICE = Actor.service("mailbox");

  /** What a delivery did. */
  enum Result {
    SENT,
    ALREADY_SENT,
    IN_PROGRESS,
    NOT_NEEDED
  }

  private final MailStore mail;
  private final MailOutbox outbox;
  private final ReportStore reports;
  private final SmtpMailer smtp;
  private final MailSettings settings;
  private final Templates templates = new Templates();
  private final Clock clock;

  MailSending(
      MailStore mail,
      MailOutbox outbox,
      ReportStore reports,
      SmtpMailer smtp,
      MailSettings settings,
      Clock clock) {
    this.mail = mail;
    this.outbox = outbox;
    this.reports = reports;
    this.smtp = smtp;
    this.settings = settings;
    this.clock = clock;
  }

  Result send(String key) throws Exception {
    Instant now = clock.instant();
    switch (outbox.claim(key, now, Duration.ofMinutes(5))) {
      case UNKNOWN -> {
        return Result.NOT_NEEDED;
      }
      case SENT -> {
        return Result.ALREADY_SENT;
      }
      case IN_PROGRESS -> {
        return Result.IN_PROGRESS;
      }
      case CLAIMED -> {
        // sent below
      }
    }
    try {
      MailOutbox.Outgoing outgoing = outbox.outgoing(key, settings.sealingKey());
      Optional<ReporterContact> contact = reports.contact(outgoing.incidentId(), SERVICE, now);
      if (contact.isEmpty() || contact.get().email() == null) {
        outbox.skip(key);
        return Result.NOT_NEEDED;
      }
      String to = contact.get().email();
      Language language = language(outgoing);
      boolean acknowledgement = outgoing.kind().equals("ACKNOWLEDGEMENT");
      String text =
          acknowledgement
              ? null
              : outbox
                  .reporterMessageText(outgoing.incidentId(), outgoing.messageRef())
                  .orElse(null);
      if (!acknowledgement && text == null) {
        outbox.skip(key);
        return Result.NOT_NEEDED;
      }
      OutgoingMail message =
          acknowledgement
              ? OutgoingMail.acknowledgement(
                  templates,
                  settings.keys(),
                  key,
                  outgoing.incidentId(),
                  to,
                  outgoing.receiptCode(),
                  settings.statusUrl(),
                  language,
                  outgoing.references().isEmpty() ? null : outgoing.references().get(0),
                  null)
              : OutgoingMail.staffMessage(
                  templates,
                  settings.keys(),
                  key,
                  outgoing.incidentId(),
                  to,
                  text,
                  settings.statusUrl(),
                  language,
                  references(outgoing.incidentId()));
      smtp.send(message, language.name());
      MailThreadEntry entry =
          new MailThreadEntry(
              key,
              MailThreadEntry.Direction.OUT,
              outgoing.kind(),
              now,
              message.subject(),
              to,
              null,
              message.messageId(),
              null,
              message.body().length(),
              List.of(),
              List.of(),
              null,
              null);
      outbox.sent(
          outgoing.incidentId(),
          entry,
          MailEvents.sent(outgoing.incidentId(), entry, SERVICE, now),
          now);
      return Result.SENT;
    } catch (Exception e) {
      outbox.release(key);
      throw e;
    }
  }

  /** The language of the mail the reporter wrote in, else of their report. */
  private Language language(MailOutbox.Outgoing outgoing) {
    if (outgoing.language() != null) {
      return Language.valueOf(outgoing.language());
    }
    Object reported =
        reports.report(outgoing.incidentId()).map(r -> r.get("language")).orElse(null);
    return "de".equals(reported) ? Language.DE : Language.EN;
  }

  /** The thread's Message-IDs, oldest first (at most the last ten): a reply threads with them. */
  private List<String> references(String incidentId) {
    List<String> ids =
        mail.thread(incidentId).stream()
            .map(MailThreadEntry::messageId)
            .filter(java.util.Objects::nonNull)
            .toList();
    return ids.subList(Math.max(0, ids.size() - 10), ids.size());
  }
}
