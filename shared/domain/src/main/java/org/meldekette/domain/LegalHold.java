package org.meldekette.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A hold that blocks the erasure of a data subject's or account's data while it stands. It names the subject
 * by a pseudonymous reference only (such as {@code account:7f3a9c}) — never a name, an address or profile
 * data — with the reason, reason codes and justification; who placed it and when come from the sign-in.
 */
public record LegalHold(
    String id,
    String subject,
    Reason reason,
    List<String> reasonCodes,
    String justification,
    String incidentId,
    String placedBy,
    Instant placedAt,
    String releasedBy,
    Instant releasedAt,
    String releaseJustification) {

  public enum Reason { LEGAL_HOLD, OPEN_DISPUTE, FRAUD_REVIEW }

  /** A reference, not an identity: letters, digits and {@code :_.-}; an email address is refused outright. */
  private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9:_.-]{3,128}");
  private static final Pattern REASON_CODE = Pattern.compile("[A-Z0-9_.-]{1,64}");

  public LegalHold {
    Objects.requireNonNull(id, "id");
    subject = requireSubject(subject);
    if (reason == null) {
      throw new InvalidInput("reason", "REQUIRED", "reason is required: LEGAL_HOLD, OPEN_DISPUTE or FRAUD_REVIEW");
    }
    reasonCodes = reasonCodes == null ? List.of() : List.copyOf(reasonCodes);
    if (reasonCodes.isEmpty()) {
      throw new InvalidInput("reasonCodes", "REQUIRED", "at least one reason code is required");
    }
    for (String code : reasonCodes) {
      if (code == null || !REASON_CODE.matcher(code).matches()) {
        throw new InvalidInput("reasonCodes", "INVALID_VALUE", "reason codes are upper-case codes such as LIT-2026-014");
      }
    }
    justification = Text.required("justification", justification, Triage.MAX_JUSTIFICATION_LENGTH, true);
    Objects.requireNonNull(placedBy, "placedBy");
    Objects.requireNonNull(placedAt, "placedAt");
  }

  /** Checks a subject reference as the erasure check takes it. */
  public static String requireSubject(String subject) {
    if (subject == null || subject.isBlank()) {
      throw new InvalidInput("subject", "REQUIRED", "subject (a pseudonymous reference) is required");
    }
    if (subject.contains("@") || !SUBJECT.matcher(subject).matches()) {
      throw new InvalidInput("subject", "NOT_PSEUDONYMOUS",
          "subject must be a pseudonymous reference (letters, digits, : _ . -), never an email address or a name");
    }
    return subject;
  }

  public boolean isActive() {
    return releasedAt == null;
  }

  public LegalHold released(String by, Instant at, String justification) {
    if (!isActive()) {
      throw new Conflict("HOLD_ALREADY_RELEASED", "hold " + id + " was released at " + releasedAt);
    }
    String reason = Text.required("justification", justification, Triage.MAX_JUSTIFICATION_LENGTH, true);
    return new LegalHold(id, subject, this.reason, reasonCodes, this.justification, incidentId, placedBy, placedAt, by,
        at, reason);
  }
}
