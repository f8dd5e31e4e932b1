package org.meldekette.domain.deadline;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reminder as a task names it: the incident, the deadline's stage (and the record it is about,
 * for a clock of one measure), which reminder ({@code before-48h}, {@code due}, {@code overdue-3})
 * and the due time it was planned for (epoch seconds). A deadline that moved since has another due
 * time, so a task planned for the old one finds nothing to remind of.
 *
 * @param subject the record of a per-record clock (a measure's ID), or null
 */
public record ReminderRef(
    String incidentId, String regime, String stage, String subject, String kind, long dueAt) {
  private static final Pattern KEY =
      Pattern.compile(
          "(INC-[0-9]{8}-[0-9A-Z]{6})-([A-Z0-9_]+)-([A-Z0-9_]+)-(?:([A-Z]{3}-[0-9A-Z]{10})-)?"
              + "((?:before-[0-9a-z]+)|due|(?:overdue-[0-9]+))-([0-9]+)(?:-resend-[0-9]+)?");

  /**
   * Names the reminder itself: one record of it being sent, however often its task is delivered.
   */
  public String key() {
    return incidentId
        + "-"
        + regime
        + "-"
        + stage
        + "-"
        + (subject == null ? "" : subject + "-")
        + kind
        + "-"
        + dueAt;
  }

  /**
   * A reminder key (or a task name, which may carry a resend suffix) back as a reference, or null.
   */
  public static ReminderRef parse(String key) {
    Matcher m = KEY.matcher(key);
    if (!m.matches()) {
      return null;
    }
    return new ReminderRef(
        m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), Long.parseLong(m.group(6)));
  }

  /**
   * The reminder this names among the incident's deadlines as they stand, or null: met, moved or
   * gone.
   */
  public Deadline.Reminder find(List<Deadline> deadlines) {
    Deadline deadline =
        deadlines.stream()
            .filter(
                d ->
                    d.stage().regime().equals(regime)
                        && d.stage().id().equals(stage)
                        && java.util.Objects.equals(d.subject(), subject))
            .findFirst()
            .orElse(null);
    if (deadline == null || !deadline.isOpen() || deadline.dueAt().getEpochSecond() != dueAt) {
      return null;
    }
    return deadline.reminder(kind);
  }
}
