package org.meldekette.domain;

/** What a reporter says they are reporting. */
public enum ReportKind {
  SECURITY_INCIDENT,
  VULNERABILITY,
  SUSPECTED_DATA_BREACH,
  OTHER
}
