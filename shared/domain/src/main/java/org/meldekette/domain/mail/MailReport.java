package org.meldekette.domain.mail;

import java.time.Instant;
import java.util.List;
import org.meldekette.domain.EmailAddress;
import org.meldekette.domain.Report;
import org.meldekette.domain.ReportKind;

/**
 * A mail as a report: the subject is the title, the readable text the description, both cleaned of
 * control characters and cut to the form's limits (the raw message keeps everything); the sender is
 * the reporter's contact, need-to-know as the form's.
 */
public final class MailReport {
  private MailReport() {}

  public static Report of(MailMessage mail, Instant now) {
    String title = title(mail);
    String description = description(mail);
    // An address the form would refuse stays in the raw message only: there is none to answer.
    String email =
        mail.fromAddress() != null && EmailAddress.isValid(mail.fromAddress())
            ? mail.fromAddress()
            : null;
    String name = cut(clean(mail.fromName(), false), 200, "");
    return Report.submitted(
        ReportKind.OTHER,
        title,
        description,
        List.of(),
        null,
        name.isEmpty() ? null : name,
        email,
        MailLanguage.of(mail),
        now);
  }

  /** The subject as a report's title: one line, within the form's limit. */
  public static String title(MailMessage mail) {
    String title = clean(mail.subject(), false);
    return title.isEmpty() ? "(no subject)" : cut(title, Report.MAX_TITLE_LENGTH, "…");
  }

  /** The readable text as a report's description or a reporter's message, within the limit. */
  public static String description(MailMessage mail) {
    String description = clean(mail.text(), true);
    if (description.isEmpty()) {
      description = "(no readable text; see the raw message)";
    }
    return cut(
        description,
        Report.MAX_DESCRIPTION_LENGTH,
        "\n\n[… cut here; the whole message is kept raw]");
  }

  /** Without control characters (but line breaks and tabs in text), trimmed. */
  static String clean(String value, boolean multiline) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length());
    value
        .codePoints()
        .forEach(
            c -> {
              boolean lineBreak = c == '\n' || c == '\t';
              if (multiline && lineBreak) {
                out.appendCodePoint(c);
              } else if (Character.isISOControl(c)) {
                out.append(' ');
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString().strip();
  }

  static String cut(String value, int maxCodePoints, String marker) {
    if (value.codePointCount(0, value.length()) <= maxCodePoints) {
      return value;
    }
    int keep = maxCodePoints - marker.codePointCount(0, marker.length());
    return value.substring(0, value.offsetByCodePoints(0, keep)).strip() + marker;
  }
}
