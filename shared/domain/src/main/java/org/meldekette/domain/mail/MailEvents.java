package org.meldekette.domain.mail;

import java.time.Instant;
import java.util.Map;
import org.meldekette.domain.Actor;
import org.meldekette.domain.Change;
import org.meldekette.domain.ChangeType;

/** What the mailbox records on an incident's timeline and audit trail: never addresses or text. */
public final class MailEvents {
  private MailEvents() {}

  /** A mail went to the reporter (an acknowledgement, a staff member's message). */
  public static Change sent(String incidentId, MailThreadEntry entry, Actor actor, Instant now) {
    return new Change(
        ChangeType.REPORTER_MAILED,
        actor,
        now,
        incidentId,
        "Mail to the reporter sent (" + entry.kind() + ")",
        null,
        Map.of("mail", entry.key(), "kind", entry.kind(), "messageId", entry.messageId()));
  }

  /** Staff read a raw mail: who and when, which mail, never what it says. */
  public static Change rawRead(String incidentId, String key, Actor reader, Instant now) {
    return new Change(
        ChangeType.MAIL_READ,
        reader,
        now,
        incidentId,
        "Raw mail " + key + " read",
        null,
        Map.of("mail", key));
  }
}
