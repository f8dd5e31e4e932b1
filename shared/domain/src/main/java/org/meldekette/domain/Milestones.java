package org.meldekette.domain;

import java.time.Instant;

/**
 * Moments in an incident's life that deadlines start from or are met by.
 *
 * @param triagedAt when the incident first left triage
 * @param escalationAcknowledgedAt when the security and privacy role acknowledged the escalation
 * @param escalationAcknowledgedBy who acknowledged it
 * @param finalReportIssuedAt when the latest final report was issued
 * @param finalReportVersion how many final reports were issued (a reopened and closed again
 *     incident has a second)
 * @param operationRestoredAt when regular operation was restored (phase 5; required to close)
 * @param operationRestoredBy who recorded it
 * @param breachAssessedAt when the incident first was a breach in or past its legal assessment:
 *     from then on it cannot close without its Art. 33 decision, even if reclassified
 */
public record Milestones(
    Instant triagedAt,
    Instant escalationAcknowledgedAt,
    String escalationAcknowledgedBy,
    Instant finalReportIssuedAt,
    int finalReportVersion,
    Instant operationRestoredAt,
    String operationRestoredBy,
    Instant breachAssessedAt) {
  public static final Milestones NONE = new Milestones(null, null, null, null, 0, null, null, null);

  public Milestones triaged(Instant at) {
    return triagedAt != null ? this : builder().triaged(at).build();
  }

  public Milestones acknowledged(Instant at, String by) {
    return builder().acknowledged(at, by).build();
  }

  public Milestones finalReportIssued(Instant at) {
    return builder().issued(at, finalReportVersion + 1).build();
  }

  public Milestones operationRestored(Instant at, String by) {
    return builder().restored(at, by).build();
  }

  /** Notes the first time the incident is a breach in or after its legal assessment. */
  public Milestones breachAssessed(Instant at) {
    return breachAssessedAt != null ? this : builder().assessed(at).build();
  }

  private Builder builder() {
    return new Builder(this);
  }

  private static final class Builder {
    private Instant triagedAt;
    private Instant acknowledgedAt;
    private String acknowledgedBy;
    private Instant issuedAt;
    private int version;
    private Instant restoredAt;
    private String restoredBy;
    private Instant assessedAt;

    Builder(Milestones m) {
      triagedAt = m.triagedAt;
      acknowledgedAt = m.escalationAcknowledgedAt;
      acknowledgedBy = m.escalationAcknowledgedBy;
      issuedAt = m.finalReportIssuedAt;
      version = m.finalReportVersion;
      restoredAt = m.operationRestoredAt;
      restoredBy = m.operationRestoredBy;
      assessedAt = m.breachAssessedAt;
    }

    Builder triaged(Instant at) {
      triagedAt = at;
      return this;
    }

    Builder acknowledged(Instant at, String by) {
      acknowledgedAt = at;
      acknowledgedBy = by;
      return this;
    }

    Builder issued(Instant at, int newVersion) {
      issuedAt = at;
      version = newVersion;
      return this;
    }

    Builder restored(Instant at, String by) {
      restoredAt = at;
      restoredBy = by;
      return this;
    }

    Builder assessed(Instant at) {
      assessedAt = at;
      return this;
    }

    Milestones build() {
      return new Milestones(
          triagedAt,
          acknowledgedAt,
          acknowledgedBy,
          issuedAt,
          version,
          restoredAt,
          restoredBy,
          assessedAt);
    }
  }
}
