package org.meldekette.tasks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.meldekette.domain.deadline.Deadline;
import org.meldekette.domain.deadline.ReminderRef;

/**
 * A reminder as a queued task: its Cloud Tasks name, when to run, and what the deadline-reminder
 * function needs to re-read (the reminder it names: incident, stage, which reminder, the due time
 * it was planned for).
 *
 * @param name the task name: the reminder's key, or the key with a suffix when the sweep re-sends a
 *     reminder whose task was lost (a lost task's name stays taken in Cloud Tasks for a while)
 */
public record ReminderTask(String name, Instant scheduleTime, ReminderRef reminder)
    implements QueuedTask {

  public static ReminderTask of(String incidentId, Deadline.Reminder reminder) {
    ReminderRef ref = reminder.ref(incidentId);
    return new ReminderTask(ref.key(), reminder.at(), ref);
  }

  /** Names the reminder itself. */
  public String reminderKey() {
    return reminder.key();
  }

  public String incidentId() {
    return reminder.incidentId();
  }

  /** The same reminder under a new task name, to run now. */
  public ReminderTask resend(Instant now) {
    return new ReminderTask(reminder.key() + "-resend-" + now.getEpochSecond(), now, reminder);
  }

  @Override
  public String path() {
    return "/tasks/reminder";
  }

  /** The task's body, as the deadline-reminder function reads it. */
  @Override
  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("incidentId", reminder.incidentId());
    body.put("regime", reminder.regime());
    body.put("stage", reminder.stage());
    if (reminder.subject() != null) {
      body.put("subject", reminder.subject());
    }
    body.put("kind", reminder.kind());
    body.put("dueAt", reminder.dueAt());
    return body;
  }
}
