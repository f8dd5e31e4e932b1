package org.meldekette.domain.deadline;

/**
 * Where a clock stands at a moment: the one vocabulary of views, reports, reminders and the sweep.
 */
public enum DeadlineStatus {
  /** Not met, and not yet due. */
  OPEN,
  /** Not met, and past its due time. */
  OVERDUE,
  /** Met by its due time. */
  MET,
  /** Met, but after its due time. */
  MET_LATE,
  /** Never met: the incident was closed without it, for the reason its closing states. */
  MISSED,
  /** No longer applies: the case was closed as not an incident, or screened out. */
  STOPPED;

  public boolean isMet() {
    return this == MET || this == MET_LATE;
  }
}
