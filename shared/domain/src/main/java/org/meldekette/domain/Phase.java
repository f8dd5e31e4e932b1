package org.meldekette.domain;

/** The mandatory lifecycle of every incident, in order; {@link #CLOSED} is where it ends. */
public enum Phase {
  DETECTION_TRIAGE,
  CONTAINMENT,
  FORENSICS,
  LEGAL_ASSESSMENT,
  RECOVERY_CLOSURE,
  CLOSED;

  /** The phase after this one; CLOSED has none. */
  public Phase next() {
    if (this == CLOSED) {
      throw new IllegalStateException("a closed incident has no next phase");
    }
    return values()[ordinal() + 1];
  }

  public boolean isBefore(Phase other) {
    return ordinal() < other.ordinal();
  }
}
