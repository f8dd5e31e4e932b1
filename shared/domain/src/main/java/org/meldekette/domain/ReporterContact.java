package org.meldekette.domain;

/**
 * How to reach a reporter. Personal data: stored apart from the incident, read only by those who
 * answer the reporter, never logged. Either part may be absent.
 */
public record ReporterContact(String name, String email) {
  public static final int MAX_NAME_LENGTH = 200;

  public ReporterContact {
    name = Text.optional("reporterName", name, MAX_NAME_LENGTH, false);
    email = Text.optional("reporterEmail", email, EmailAddress.MAX_LENGTH, false);
    if (email != null && !EmailAddress.isValid(email)) {
      throw new InvalidInput(
          "reporterEmail", "INVALID_EMAIL", "reporterEmail is not a valid email address");
    }
  }

  public boolean isEmpty() {
    return name == null && email == null;
  }

  /**
   * What reading a reporter's contact records: reads of personal data are need-to-know, so each one
   * is in the incident's timeline and audit trail (who, when; never what was read).
   */
  public static Change read(String incidentId, Actor actor, java.time.Instant now) {
    return new Change(
        ChangeType.REPORTER_CONTACT_READ,
        actor,
        now,
        incidentId,
        "Reporter contact read by " + actor.id(),
        null,
        java.util.Map.of("readBy", actor.id()));
  }

  /** Whether the reporter can be told about the next steps. */
  public boolean canBeAnswered() {
    return email != null;
  }
}
