package org.meldekette.domain;

/** Where an incident came from. */
public enum IncidentSource {
  /** A report from the public form or another web form. */
  REPORT,
  /** A monitoring alert. */
  ALERT,
  /** Opened by a staff member. */
  STAFF
}
