package org.meldekette.reminders;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.meldekette.domain.deadline.Deadline;

/**
 * The text of a reminder: incident ID, deadline, due time, time left, link. Never the incident's
 * title or anything else people typed, which may name a reporter or a data subject.
 */
final class ReminderText {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private ReminderText() {}

  static String of(
      String incidentId, Deadline.Reminder reminder, String regimeName, Instant now, String link) {
    Deadline deadline = reminder.deadline();
    Duration left = deadline.timeLeft(now);
    boolean overdue = left.isNegative();
    StringBuilder text = new StringBuilder();
    text.append(overdue ? "OVERDUE: " : "Reminder: ")
        .append(incidentId)
        .append(" · ")
        .append(regimeName)
        .append(" · ")
        .append(deadline.label())
        .append(" · due ")
        .append(TIME.format(deadline.dueAt()))
        .append(overdue ? " (" + span(left.negated()) + " ago)" : " (in " + span(left) + ")");
    if (deadline.isInProgress()) {
      text.append(" · decided, not yet sent");
    }
    if (reminder.escalates()) {
      text.append(" · escalated to the DPO and management");
    }
    if (link != null) {
      text.append(" · ").append(link);
    }
    return text.toString();
  }

  private static String span(Duration d) {
    long minutes = d.toMinutes();
    if (minutes < 60) {
      return minutes + " min";
    }
    long hours = minutes / 60;
    return hours <= 72
        ? hours + " h " + (minutes % 60) + " min"
        : (hours / 24) + " days " + (hours % 24) + " h";
  }
}
