package org.meldekette.tasks;

import java.time.Instant;
import java.util.Map;
import org.meldekette.domain.deadline.Deadline;

/**
 * A reminder as a queued task: its Cloud Tasks name, when to run, and what the deadline-reminder
 * function needs to re-read (incident, stage, which reminder, the due time it was planned for).
 *
 * @param reminderKey names the reminder itself; a task name is the key, or the key with a suffix
 *     when the sweep re-sends a reminder whose task was lost (a lost task's name stays taken in
 *     Cloud Tasks for a while)
 */
public record ReminderTask(
    String name,
    String reminderKey,
    Instant scheduleTime,
    String incidentId,
    String regime,
    String stage,
    String kind,
    long dueEpochSecond) {

  public static ReminderTask of(String incidentId, Deadline.Reminder reminder) {
    String key = reminder.taskName(incidentId);
    return new ReminderTask(
        key,
        key,
        reminder.at(),
        incidentId,
        reminder.deadline().stage().regime(),
        reminder.deadline().stage().id(),
        reminder.kind(),
        reminder.deadline().dueAt().getEpochSecond());
  }

  /** The same reminder under a new task name, to run now. */
  public ReminderTask resend(Instant now) {
    return new ReminderTask(
        reminderKey + "-resend-" + now.getEpochSecond(),
        reminderKey,
        now,
        incidentId,
        regime,
        stage,
        kind,
        dueEpochSecond);
  }

  /** The task's body, as the deadline-reminder function reads it. */
  public Map<String, Object> body() {
    return Map.of(
        "incidentId",
        incidentId,
        "regime",
        regime,
        "stage",
        stage,
        "kind",
        kind,
        "dueAt",
        dueEpochSecond);
  }
}
