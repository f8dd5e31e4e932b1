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
  MET_LATE;

  public boolean isMet() {
    return this == MET || this == MET_LATE;
  }
}
