package org.meldekette.mailbox;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Locale;
import org.meldekette.domain.mail.OutgoingMail;

/**
 * Sends Meldekette's mail through the configured relay (SendGrid, Google Workspace's SMTP relay, …)
 * with STARTTLS required: from the published mailbox, replies to the report's own address, with our
 * Message-ID and the references a reply threads by. The acknowledgement says it is automatic (RFC
 * 3834) and asks auto-responders not to answer it.
 */
final class SmtpMailer {
  private final MailSettings settings;
  private final Session session;
  private final Clock clock;

  SmtpMailer(MailSettings settings, Clock clock) {
    this.settings = settings;
    this.session = Session.getInstance(settings.smtp().properties("smtp"));
    this.clock = clock;
  }

  void send(OutgoingMail mail, String language) throws Exception {
    MimeMessage message =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + mail.messageId() + ">");
          }
        };
    message.setFrom(new InternetAddress(settings.address()));
    message.setReplyTo(new InternetAddress[] {new InternetAddress(mail.replyTo())});
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
    message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
    message.setText(mail.body(), StandardCharsets.UTF_8.name());
    message.setSentDate(Date.from(clock.instant()));
    message.setHeader("Content-Language", language.toLowerCase(Locale.ROOT));
    if (!mail.references().isEmpty()) {
      message.setHeader(
          "In-Reply-To", "<" + mail.references().get(mail.references().size() - 1) + ">");
      message.setHeader(
          "References",
          String.join(" ", mail.references().stream().map(r -> "<" + r + ">").toList()));
    }
    if (mail.autoSubmitted() != null) {
      message.setHeader("Auto-Submitted", mail.autoSubmitted());
      message.setHeader("X-Auto-Response-Suppress", "All");
    }
    message.saveChanges();
    MailSettings.Server smtp = settings.smtp();
    try (Transport transport = session.getTransport("smtp")) {
      transport.connect(
          smtp.host(),
          smtp.port(),
          smtp.credential() == null ? null : smtp.user(),
          smtp.credential());
      transport.sendMessage(message, message.getAllRecipients());
    }
  }
}
