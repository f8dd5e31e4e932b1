package org.meldekette.domain;

/**
 * Where a report stands, in the plain words a reporter sees on the status page: never a phase name,
 * a classification or anything else internal.
 */
public enum ReporterStatus {
  /** Received; nobody has assessed it yet. */
  RECEIVED,
  /** The team is analysing it. */
  IN_ANALYSIS,
  /** The analysis is done; the team is following up. */
  ANALYSIS_DONE,
  /** Closed. */
  CLOSED;

  public static ReporterStatus of(Incident incident) {
    return switch (incident.phase()) {
      case DETECTION_TRIAGE -> incident.triage() == null ? RECEIVED : IN_ANALYSIS;
      case CONTAINMENT, FORENSICS, LEGAL_ASSESSMENT -> IN_ANALYSIS;
      case RECOVERY_CLOSURE -> ANALYSIS_DONE;
      case CLOSED -> CLOSED;
    };
  }
}
