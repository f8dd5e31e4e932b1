package org.meldekette.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Data an incident keeps past its normal retention (logs, exports, mailboxes), recorded apart from
 * holds: what, until when, why. Before the incident closes each one is lifted, or renewed with a
 * justification.
 */
public record RetentionExtension(
    String id,
    String what,
    Instant until,
    String justification,
    Status status,
    String decidedBy,
    Instant decidedAt,
    String lastJustification) {

  public enum Status {
    ACTIVE,
    RENEWED,
    LIFTED
  }

  public static final int MAX_TEXT = 2_000;

  public RetentionExtension {
    Objects.requireNonNull(id, "id");
    what = Text.required("what", what, MAX_TEXT, true);
    if (until == null) {
      throw new InvalidInput("until", "REQUIRED", "until is required");
    }
    justification = Text.required("justification", justification, MAX_TEXT, true);
    status = status == null ? Status.ACTIVE : status;
  }

  /** Still open: neither lifted nor renewed since it was recorded. */
  public boolean blocksClosure() {
    return status == Status.ACTIVE;
  }

  public RetentionExtension lifted(String by, Instant at, String why) {
    requireNotLifted();
    return new RetentionExtension(
        id,
        what,
        until,
        justification,
        Status.LIFTED,
        by,
        at,
        Text.required("justification", why, MAX_TEXT, true));
  }

  public RetentionExtension renewed(Instant newUntil, String by, Instant at, String why) {
    requireNotLifted();
    if (newUntil == null || !newUntil.isAfter(at)) {
      throw new InvalidInput("until", "NOT_IN_FUTURE", "a renewal runs until a time after now");
    }
    return new RetentionExtension(
        id,
        what,
        newUntil,
        justification,
        Status.RENEWED,
        by,
        at,
        Text.required("justification", why, MAX_TEXT, true));
  }

  private void requireNotLifted() {
    if (status == Status.LIFTED) {
      throw new Conflict("EXTENSION_LIFTED", "retention extension " + id + " was lifted");
    }
  }
}
