package org.meldekette.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An incident as the lifecycle sees it. Everything that grows without bound (timeline, measures, evidence,
 * decisions) lives beside it, not in it, so the record stays small.
 *
 * @param version increases with every change; the HTTP API's ETag, so two people never overwrite each other
 */
public record Incident(
    String id,
    String title,
    IncidentSource source,
    ReportKind reportKind,
    Phase phase,
    Instant detectedAt,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public Incident {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(detectedAt, "detectedAt");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** A new incident from a report, detected when the report arrived. */
  public static Incident fromReport(String id, Report report, Instant receivedAt) {
    return new Incident(id, report.title(), IncidentSource.REPORT, report.kind(), Phase.DETECTION_TRIAGE,
        receivedAt, receivedAt, receivedAt, 1);
  }
}
