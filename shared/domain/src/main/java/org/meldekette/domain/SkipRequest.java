package org.meldekette.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A request to move more than one phase forward; applied only when a second-line member approves
 * it.
 */
public record SkipRequest(
    String id,
    Phase from,
    Phase to,
    String justification,
    String requestedBy,
    Instant requestedAt,
    Status status,
    String approvedBy,
    Instant approvedAt) {

  public enum Status {
    PENDING,
    APPROVED
  }

  public static final int MAX_JUSTIFICATION_LENGTH = 5_000;

  public SkipRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(from, "from");
    if (to == null) {
      throw new InvalidInput("to", "REQUIRED", "to is required");
    }
    justification = Text.required("justification", justification, MAX_JUSTIFICATION_LENGTH, true);
    Objects.requireNonNull(requestedBy, "requestedBy");
    Objects.requireNonNull(status, "status");
  }

  public SkipRequest approved(String by, Instant at) {
    return new SkipRequest(
        id, from, to, justification, requestedBy, requestedAt, Status.APPROVED, by, at);
  }
}
