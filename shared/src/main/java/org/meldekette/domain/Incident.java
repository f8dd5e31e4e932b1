package org.meldekette.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An incident as the lifecycle sees it. Everything that grows without bound (timeline, measures, evidence,
 * decisions) lives beside it, not in it, so the record stays small. Every change makes a new record with the
 * next {@code version}, the HTTP API's ETag, so two people never overwrite each other unseen.
 *
 * @param triage what triage found so far, or null before any triage
 * @param noEvidenceJustification why forensics ended without evidence, when it did
 * @param closedAt when the incident was closed, or null while open
 * @param finalReportDueAt when the final report falls due (after closure), or null
 * @param sourceUrl where the incident came from, such as the monitoring alert's console link, or null
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
    long version,
    Triage triage,
    String noEvidenceJustification,
    Instant closedAt,
    Instant finalReportDueAt,
    String sourceUrl) {

  public Incident {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(detectedAt, "detectedAt");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** A new incident in triage. */
  public static Incident open(String id, String title, IncidentSource source, ReportKind reportKind, Instant at) {
    return new Incident(id, title, source, reportKind, Phase.DETECTION_TRIAGE, at, at, at, 1, null, null, null, null,
        null);
  }

  /**
   * A new incident from a monitoring alert: detected when the alert started, with the rule's severity, CIA
   * impact and the alerting system already in its triage, and the monitoring link as its source.
   */
  public static Incident fromAlert(String id, String title, Instant startedAt, Instant now, Triage initialTriage,
      String monitoringUrl) {
    return new Incident(id, title, IncidentSource.ALERT, null, Phase.DETECTION_TRIAGE, startedAt, now, now, 1,
        initialTriage, null, null, null, monitoringUrl);
  }

  /** A new incident from a report, detected when the report arrived. */
  public static Incident fromReport(String id, Report report, Instant receivedAt) {
    return open(id, report.title(), IncidentSource.REPORT, report.kind(), receivedAt);
  }

  public boolean isClosed() {
    return phase == Phase.CLOSED;
  }

  public boolean isBreach() {
    return triage != null && triage.isBreach();
  }

  public Incident withTriage(Triage newTriage, Instant now) {
    return new Incident(id, title, source, reportKind, phase, detectedAt, createdAt, now, version + 1, newTriage,
        noEvidenceJustification, closedAt, finalReportDueAt, sourceUrl);
  }

  public Incident inPhase(Phase newPhase, String noEvidence, Instant closed, Instant reportDue, Instant now) {
    return new Incident(id, title, source, reportKind, newPhase, detectedAt, createdAt, now, version + 1, triage,
        noEvidence, closed, reportDue, sourceUrl);
  }

  /** The same state with the next version: for changes recorded beside the incident (a measure, a decision). */
  public Incident touched(Instant now) {
    return new Incident(id, title, source, reportKind, phase, detectedAt, createdAt, now, version + 1, triage,
        noEvidenceJustification, closedAt, finalReportDueAt, sourceUrl);
  }
}
