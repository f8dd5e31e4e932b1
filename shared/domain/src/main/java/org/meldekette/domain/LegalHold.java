package org.meldekette.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A hold that blocks the erasure of a data subject's or account's data while it stands. It names
 * the subject by a pseudonymous reference only (such as {@code account:7f3a9c}) — never a name, an
 * address or profile data — with the reason, reason codes and justification; who placed it and when
 * come from the sign-in.
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

  public enum Reason {
    LEGAL_HOLD,
    OPEN_DISPUTE,
    FRAUD_REVIEW
  }

  /**
   * A reference, not an identity: letters, digits and {@code :_.-}; an email address is refused
   * outright.
   */
  private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9:_.-]{3,128}");

  private static final Pattern REASON_CODE = Pattern.compile("[A-Z0-9_.-]{1,64}");

  public LegalHold {
    Objects.requireNonNull(id, "id");
    subject = requireSubject(subject);
    if (reason == null) {
      throw new InvalidInput(
          "reason", "REQUIRED", "reason is required: LEGAL_HOLD, OPEN_DISPUTE or FRAUD_REVIEW");
    }
    reasonCodes = reasonCodes == null ? List.of() : List.copyOf(reasonCodes);
    if (reasonCodes.isEmpty()) {
      throw new InvalidInput("reasonCodes", "REQUIRED", "at least one reason code is required");
    }
    for (String code : reasonCodes) {
      if (code == null || !REASON_CODE.matcher(code).matches()) {
        throw new InvalidInput(
            "reasonCodes",
            "INVALID_VALUE",
            "reason codes are upper-case codes such as LIT-2026-014");
      }
    }
    justification =
        Text.required("justification", justification, Triage.MAX_JUSTIFICATION_LENGTH, true);
    Objects.requireNonNull(placedBy, "placedBy");
    Objects.requireNonNull(placedAt, "placedAt");
  }

  /** The change placing this hold records (on the hold's own audit chain). */
  public Change placed(Actor actor) {
    return new Change(
        ChangeType.LEGAL_HOLD_PLACED,
        actor,
        placedAt,
        incidentId,
        "Legal hold " + id + " placed (" + reason + ")",
        null,
        Map.of(
            "hold",
            id,
            "subject",
            subject,
            "reason",
            reason.name(),
            "reasonCodes",
            reasonCodes,
            "justification",
            justification));
  }

  /** The change releasing this (released) hold records. */
  public Change releasedBy(Actor actor) {
    if (isActive()) {
      throw new IllegalStateException("hold " + id + " is not released");
    }
    return new Change(
        ChangeType.LEGAL_HOLD_RELEASED,
        actor,
        releasedAt,
        incidentId,
        "Legal hold " + id + " released",
        Map.of("active", true),
        Map.of("active", false, "justification", releaseJustification));
  }

  /** Checks a subject reference as the erasure check takes it. */
  public static String requireSubject(String subject) {
    if (subject == null || subject.isBlank()) {
      throw new InvalidInput(
          "subject", "REQUIRED", "subject (a pseudonymous reference) is required");
    }
    if (subject.contains("@") || !SUBJECT.matcher(subject).matches()) {
      throw new InvalidInput(
          "subject",
          "NOT_PSEUDONYMOUS",
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
    String reason =
        Text.required("justification", justification, Triage.MAX_JUSTIFICATION_LENGTH, true);
    return new LegalHold(
        id,
        subject,
        this.reason,
        reasonCodes,
        this.justification,
        incidentId,
        placedBy,
        placedAt,
        by,
        at,
        reason);
  }
}
