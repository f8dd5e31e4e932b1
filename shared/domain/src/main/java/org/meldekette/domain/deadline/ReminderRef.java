package org.meldekette.domain.deadline;

/**
 * A reminder as a task names it: the incident, the deadline's stage, which reminder ({@code
 * before-48h}, {@code due}, {@code overdue-3}) and the due time it was planned for (epoch seconds).
 * A deadline that moved since has another due time, so a task planned for the old one finds nothing
 * to remind of.
 */
public record ReminderRef(String incidentId, String regime, String stage, String kind, long dueAt) {
  /**
   * Names the reminder itself: one record of it being sent, however often its task is delivered.
   */
  public String key() {
    return incidentId + "-" + regime + "-" + stage + "-" + kind + "-" + dueAt;
  }

  /**
   * The reminder this names among the incident's deadlines as they stand, or null: met, moved or
   * gone.
   */
  public Deadline.Reminder find(java.util.List<Deadline> deadlines) {
    Deadline deadline =
        deadlines.stream()
            .filter(d -> d.stage().regime().equals(regime) && d.stage().id().equals(stage))
            .findFirst()
            .orElse(null);
    if (deadline == null || !deadline.isOpen() || deadline.dueAt().getEpochSecond() != dueAt) {
      return null;
    }
    return deadline.reminder(kind);
  }
}
