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

  /** Whether the reporter can be told about the next steps. */
  public boolean canBeAnswered() {
    return email != null;
  }
}
