package org.meldekette.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Triage's conclusion that an incident is not security-relevant, filed with a reason and a
 * justification; it closes the incident only when a second-line member other than the requester
 * approves it (four eyes, as a skip).
 */
public record DismissalRequest(
    String id,
    DismissalReason reason,
    String justification,
    String requestedBy,
    Instant requestedAt,
    SkipRequest.Status status,
    String approvedBy,
    Instant approvedAt) {

  public DismissalRequest {
    Objects.requireNonNull(id, "id");
    if (reason == null) {
      throw new InvalidInput(
          "reason", "REQUIRED", "reason (SPAM, TEST, MISUNDERSTANDING or DUPLICATE) is required");
    }
    justification =
        Text.required("justification", justification, SkipRequest.MAX_JUSTIFICATION_LENGTH, true);
    Objects.requireNonNull(requestedBy, "requestedBy");
    Objects.requireNonNull(requestedAt, "requestedAt");
    Objects.requireNonNull(status, "status");
  }

  public static DismissalRequest filed(
      String id, DismissalReason reason, String justification, String by, Instant at) {
    return new DismissalRequest(
        id, reason, justification, by, at, SkipRequest.Status.PENDING, null, null);
  }

  public DismissalRequest approved(String by, Instant at) {
    return new DismissalRequest(
        id, reason, justification, requestedBy, requestedAt, SkipRequest.Status.APPROVED, by, at);
  }

  public boolean isPending() {
    return status == SkipRequest.Status.PENDING;
  }
}
