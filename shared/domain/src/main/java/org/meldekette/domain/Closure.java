package org.meldekette.domain;

/** How an incident was closed. It stays in the record whichever way; only the clocks differ. */
public enum Closure {
  /** Worked through the lifecycle: the clocks meant to outlive closure run on. */
  RESOLVED,
  /** Triage found it not security-relevant (spam, a test, a misunderstanding), four eyes. */
  NOT_AN_INCIDENT,
  /** A report held for screening during a surge, screened out by a responder. */
  SCREENED_OUT;

  /** Closed as no incident at all: every clock of it stops. */
  public boolean dismisses() {
    return this != RESOLVED;
  }
}
