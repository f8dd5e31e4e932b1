package org.meldekette.domain;

import java.time.Instant;

/**
 * Moments in an incident's life that deadlines start from or are met by.
 *
 * @param triagedAt when the incident first left triage
 * @param escalationAcknowledgedAt when the security and privacy role acknowledged the escalation
 * @param escalationAcknowledgedBy who acknowledged it
 * @param finalReportIssuedAt when the final report was issued
 */
public record Milestones(
    Instant triagedAt,
    Instant escalationAcknowledgedAt,
    String escalationAcknowledgedBy,
    Instant finalReportIssuedAt) {
  public static final Milestones NONE = new Milestones(null, null, null, null);

  public Milestones triaged(Instant at) {
    return triagedAt != null
        ? this
        : new Milestones(
            at, escalationAcknowledgedAt, escalationAcknowledgedBy, finalReportIssuedAt);
  }

  public Milestones acknowledged(Instant at, String by) {
    return new Milestones(triagedAt, at, by, finalReportIssuedAt);
  }

  public Milestones finalReportIssued(Instant at) {
    return new Milestones(triagedAt, escalationAcknowledgedAt, escalationAcknowledgedBy, at);
  }
}
