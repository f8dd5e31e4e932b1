package org.meldekette.domain.mail;

import java.util.Optional;

/**
 * Where a mail goes: a reply matched by our own reply address or Message-ID joins its report; a
 * match by subject tag alone is an unverified follow-up for staff to confirm; anything else from a
 * person is a new report. A machine's mail (auto-reply, bounce, list) never opens an incident and
 * is never answered: it is recorded on the thread it names, or kept unfiled.
 *
 * @param incidentId the incident the mail is about; null for a new report and unfiled mail
 */
public record MailRoute(Disposition disposition, String incidentId) {
  public enum Disposition {
    NEW_REPORT,
    REPLY,
    UNVERIFIED_FOLLOW_UP,
    MACHINE_ON_THREAD,
    MACHINE_UNFILED
  }

  public static MailRoute of(MailMessage mail, MailKind kind, ThreadKeys keys) {
    Optional<String> verified =
        keys.byReplyAddress(mail.recipients()).or(() -> keys.byReference(mail.inReplyTo()));
    Optional<String> tagged = ThreadKeys.bySubjectTag(mail.subject());
    Optional<String> thread = verified.or(() -> tagged);
    if (!kind.byPerson()) {
      return thread
          .map(id -> new MailRoute(Disposition.MACHINE_ON_THREAD, id))
          .orElse(new MailRoute(Disposition.MACHINE_UNFILED, null));
    }
    if (verified.isPresent()) {
      return new MailRoute(Disposition.REPLY, verified.get());
    }
    if (tagged.isPresent()) {
      return new MailRoute(Disposition.UNVERIFIED_FOLLOW_UP, tagged.get());
    }
    return new MailRoute(Disposition.NEW_REPORT, null);
  }

  /**
   * Whether the sender may get an automatic acknowledgement: a person, a new report, not forged.
   */
  public boolean acknowledged(MailKind kind, SenderVerdict verdict) {
    return disposition == Disposition.NEW_REPORT && kind.byPerson() && verdict.authentic();
  }
}
