package org.meldekette.domain.deadline;

/**
 * What closing an incident does to one of its clocks that is not yet met. No clock of the incident
 * itself stays open on a closed case: it is either a condition of closing, or closing settles it as
 * missed with the reason the closer gives. Only clocks whose work follows closure by nature (the
 * final report, measures' due dates and effectiveness reviews, regulators' final reports) outlive
 * it.
 */
public enum AtClosure {
  /** Closing waits for it: an exit criterion of closure ({@code CLOCK_OPEN}). */
  REQUIRED,
  /** Closing settles it as missed; the closer states why ({@code missedReason}). */
  MISSED,
  /** It goes on after closure. */
  OUTLIVES
}
