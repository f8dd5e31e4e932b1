package org.meldekette.domain;

import java.time.Instant;
import java.util.Objects;

/** Legal sign-off for communicating with one audience about one incident. */
public record Approval(
    String id, Audience audience, String note, String approvedBy, Instant approvedAt) {
  public Approval {
    Objects.requireNonNull(id, "id");
    if (audience == null) {
      throw new InvalidInput("audience", "REQUIRED", "audience is required");
    }
    note = Text.optional("note", note, 2_000, true);
    Objects.requireNonNull(approvedBy, "approvedBy");
    Objects.requireNonNull(approvedAt, "approvedAt");
  }
}
