package org.meldekette.domain.mail;

import java.util.List;
import org.meldekette.domain.Language;
import org.meldekette.domain.report.Templates;

/**
 * A mail Meldekette sends to a reporter: its text from the templates in their language, a subject
 * with the report's tag (cleaned of line breaks: no header can be smuggled in), a Message-ID and a
 * reply address that lead a reply back to the report.
 *
 * @param autoSubmitted {@code auto-replied} for the automatic acknowledgement (RFC 3834), else null
 */
public record OutgoingMail(
    String to,
    String replyTo,
    String subject,
    String body,
    String messageId,
    List<String> references,
    String autoSubmitted) {

  public OutgoingMail {
    references = List.copyOf(references);
    if (to.contains("\r")
        || to.contains("\n")
        || subject.contains("\r")
        || subject.contains("\n")) {
      throw new IllegalArgumentException("no line break in an address or a subject");
    }
  }

  /**
   * The acknowledgement of a report by mail: the receipt code, the status page, sent automatically.
   */
  public static OutgoingMail acknowledgement(
      Templates templates,
      ThreadKeys keys,
      String key,
      String incidentId,
      String to,
      String receiptCode,
      String statusUrl,
      Language language,
      String inReplyTo,
      String originalSubject) {
    String subject =
        ThreadKeys.subjectTag(incidentId)
            + " "
            + (language == Language.DE
                ? "Ihre Meldung ist eingegangen"
                : "Your report was received");
    String original = MailReport.cut(MailReport.clean(originalSubject, false), 120, "…");
    if (!original.isEmpty()) {
      subject = subject + " – " + original;
    }
    String body =
        templates.render(
            "mail-acknowledgement",
            language.name().toLowerCase(java.util.Locale.ROOT),
            java.util.Map.of(
                "incidentId", incidentId, "receiptCode", receiptCode, "statusUrl", statusUrl));
    return new OutgoingMail(
        to,
        keys.replyAddress(incidentId),
        subject,
        body,
        keys.messageId(incidentId, key),
        inReplyTo == null ? List.of() : List.of(inReplyTo),
        "auto-replied");
  }

  /** A staff member's message to the reporter, also on the status page. */
  public static OutgoingMail staffMessage(
      Templates templates,
      ThreadKeys keys,
      String key,
      String incidentId,
      String to,
      String text,
      String statusUrl,
      Language language,
      List<String> references) {
    String subject =
        ThreadKeys.subjectTag(incidentId)
            + " "
            + (language == Language.DE ? "Nachricht zu Ihrer Meldung" : "About your report");
    String body =
        templates.render(
            "mail-staff-message",
            language.name().toLowerCase(java.util.Locale.ROOT),
            java.util.Map.of("incidentId", incidentId, "text", text, "statusUrl", statusUrl));
    return new OutgoingMail(
        to,
        keys.replyAddress(incidentId),
        subject,
        body,
        keys.messageId(incidentId, key),
        references,
        null);
  }
}
