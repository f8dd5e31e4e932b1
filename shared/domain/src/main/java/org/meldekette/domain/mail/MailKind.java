package org.meldekette.domain.mail;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a mail was written by a person or by a machine, after RFC 3834 and the habits of real
 * mail systems. A machine's mail is recorded but never answered and never opens an incident: that
 * is how mail loops and backscatter are avoided.
 */
public enum MailKind {
  PERSON,
  AUTO_REPLY,
  BOUNCE,
  MAILING_LIST;

  private static final Pattern OUT_OF_OFFICE =
      Pattern.compile(
          "^(out of office|automatic reply|auto[- ]?reply|autoreply|abwesenheitsnotiz|automatische"
              + " antwort|abwesend|vacation|r[ée]ponse automatique|absence)\\b.*");
  private static final Pattern DAEMON =
      Pattern.compile("^(mailer-daemon|postmaster|noreply|no-reply|do-not-reply)@.*");

  /** The kind of {@code mail}; the first rule that applies decides. */
  public static MailKind of(MailMessage mail) {
    String from = lower(mail.fromAddress());
    if (mail.report()
        || "<>".equals(mail.returnPath())
        || from.startsWith("mailer-daemon@")
        || from.startsWith("postmaster@")) {
      return BOUNCE;
    }
    if (mail.listId() || "list".equals(lower(mail.precedence()))) {
      return MAILING_LIST;
    }
    String autoSubmitted = lower(mail.autoSubmitted());
    String precedence = lower(mail.precedence());
    if ((!autoSubmitted.isEmpty() && !autoSubmitted.equals("no"))
        || precedence.equals("bulk")
        || precedence.equals("junk")
        || precedence.equals("auto_reply")
        || mail.autoResponseSuppress()
        || mail.autoreplyHeader()
        || DAEMON.matcher(from).matches()
        || OUT_OF_OFFICE.matcher(lower(mail.subject()).strip()).matches()) {
      return AUTO_REPLY;
    }
    return PERSON;
  }

  /** Only mail written by a person is ever answered or opens an incident. */
  public boolean byPerson() {
    return this == PERSON;
  }

  private static String lower(String value) {
    return value == null ? "" : value.toLowerCase(Locale.ROOT).strip();
  }
}
