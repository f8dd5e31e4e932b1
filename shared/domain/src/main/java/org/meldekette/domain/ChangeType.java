package org.meldekette.domain;

/**
 * Every kind of change Meldekette records, as timeline entries and audit events name it. The names
 * are stored (and hashed into the audit chain), so they never change; a new kind of change is a new
 * constant.
 */
public enum ChangeType {
  /** A report from the public form opened the incident. */
  REPORT_RECEIVED,
  /** A staff member or a seed opened the incident. */
  INCIDENT_OPENED,
  /**
   * A monitoring alert opened or joined an incident (on the alert's chain, and on the incident's
   * timeline).
   */
  ALERT_OPENED,
  /** A new alert whose first notification said it was already over. */
  ALERT_OPENED_AND_RESOLVED,
  /** A known open alert closed. */
  ALERT_RESOLVED,
  TRIAGE_RECORDED,
  /** A triage that changes legal facts of a breach, filed for LEGAL or the DPO to approve. */
  TRIAGE_CHANGE_REQUESTED,
  /** LEGAL or the DPO approved a triage change: it is applied. */
  TRIAGE_CHANGE_APPROVED,
  /** LEGAL or the DPO set the initial risk (the Art. 34 threshold). */
  RISK_ASSESSED,
  /** A risk assessment by the method was recorded: a suggestion, not yet decided. */
  RISK_ASSESSMENT_RECORDED,
  /** LEGAL or the DPO accepted a risk assessment's suggestion: the risk is set to it. */
  RISK_ASSESSMENT_ACCEPTED,
  /** LEGAL or the DPO overrode a risk assessment's suggestion with a reason. */
  RISK_ASSESSMENT_OVERRIDDEN,
  /** Who controls and who processes the data concerned was recorded. */
  PROCESSING_RECORDED,
  /** Regular operation was restored (phase 5). */
  OPERATION_RESTORED,
  PHASE_CHANGED,
  SKIP_REQUESTED,
  SKIP_APPROVED,
  REOPENED,
  DISMISSAL_REQUESTED,
  DISMISSAL_APPROVED,
  SCREENED_IN,
  SCREENED_OUT,
  ESCALATION_ACKNOWLEDGED,
  FINAL_REPORT_ISSUED,
  RETENTION_EXTENDED,
  RETENTION_RENEWED,
  RETENTION_LIFTED,
  ASSESSMENT_RECORDED,
  TEAM_CHANGED,
  /** Which customers the incident affected was recorded. */
  CUSTOMERS_RECORDED,
  COMMUNICATION_APPROVED,
  COMMUNICATION_RECORDED,
  REGIME_TRIGGERED,
  REGIME_REPORT_REQUESTED,
  MEASURE_ADDED,
  MEASURE_CHANGED,
  EVIDENCE_ADDED,
  CUSTODY_APPENDED,
  DECISION_LOGGED,
  /** A reminder of a deadline went out (it leaves the incident's version alone). */
  REMINDER_SENT,
  /** Someone read the reporter's contact (need-to-know, so every read is recorded). */
  REPORTER_CONTACT_READ,
  /** The reporter added to their report from the status page (leaves the version alone). */
  REPORTER_MESSAGE_RECEIVED,
  REPORTER_MAILED,
  MAIL_READ,
  /** A new incident was posted to the team's channel, or a P1 paged on-call (version alone). */
  TEAM_NOTIFIED,
  LEGAL_HOLD_PLACED,
  LEGAL_HOLD_RELEASED,
  /**
   * The vault's objects of the incident got or lost a hold in Cloud Storage (leaves the version
   * alone).
   */
  VAULT_HOLDS_CHANGED,
  /** An audit pack for customers or the ISMS was generated and kept in the vault. */
  AUDIT_PACK_GENERATED;

  /**
   * The change type a stored timeline entry or audit event names, or null for one this version does
   * not know.
   */
  public static ChangeType named(String name) {
    try {
      return name == null ? null : valueOf(name);
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }
}
