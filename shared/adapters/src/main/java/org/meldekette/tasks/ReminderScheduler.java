package org.meldekette.tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.deadline.Deadline;

/**
 * Decides which reminder tasks an incident's open deadlines need now, and queues them. Used when
 * deadlines appear or move (right after the change commits) and by the sweep. Each reminder's task
 * name is fixed by incident, stage, reminder and due time, so queuing the same one again changes
 * nothing.
 */
public final class ReminderScheduler {
  /**
   * Cloud Tasks schedules at most 30 days ahead; later reminders are queued by the sweep as they
   * come close.
   */
  static final Duration HORIZON = Duration.ofDays(29);

  /** A reminder this late without a record of it being sent counts as lost. */
  static final Duration GRACE = Duration.ofMinutes(10);

  private final TaskQueue queue;

  public ReminderScheduler(TaskQueue queue) {
    this.queue = queue;
  }

  /**
   * The reminders to have queued at {@code now}: for each open deadline the latest one already due
   * (so people hear at once about a deadline that appears late, such as after an awareness time set
   * in the past) and every later one within the horizon; while overdue, the current and the next
   * overdue reminder only.
   */
  public static List<Deadline.Reminder> due(List<Deadline> deadlines, Instant now) {
    List<Deadline.Reminder> due = new ArrayList<>();
    for (Deadline deadline : deadlines) {
      if (!deadline.isOpen()) {
        continue;
      }
      List<Deadline.Reminder> candidates = new ArrayList<>(deadline.remindersUntilDue());
      int passed = 0;
      while (!deadline.overdueReminder(passed + 1).at().isAfter(now)) {
        passed++;
      }
      if (passed > 0) {
        candidates.add(deadline.overdueReminder(passed));
      }
      candidates.add(deadline.overdueReminder(passed + 1));
      Deadline.Reminder latestPast = null;
      for (Deadline.Reminder reminder : candidates) {
        if (!reminder.at().isAfter(now)) {
          latestPast = reminder;
        } else if (!reminder.at().isAfter(now.plus(HORIZON))) {
          due.add(reminder);
        }
      }
      if (latestPast != null) {
        due.add(0, latestPast);
      }
    }
    return due;
  }

  /** Queues what {@link #due} names; gives how many tasks it asked for. */
  public int schedule(String incidentId, List<Deadline> deadlines, Instant now) throws Exception {
    List<Deadline.Reminder> reminders = due(deadlines, now);
    for (Deadline.Reminder reminder : reminders) {
      queue.create(ReminderTask.of(incidentId, reminder));
    }
    return reminders.size();
  }

  /**
   * The sweep's part for one incident: queues what {@link #due} names, except a past reminder
   * recorded as sent, and re-sends under a new task name a reminder past its time (plus grace) with
   * no record of being sent — its task was lost, and its name may stay taken in Cloud Tasks for a
   * while.
   *
   * @param sent the last reminder key sent for each deadline (its {@code key()}), from the incident
   *     document
   */
  public int sweep(
      String incidentId, List<Deadline> deadlines, Map<String, String> sent, Instant now)
      throws Exception {
    int queued = 0;
    for (Deadline.Reminder reminder : due(deadlines, now)) {
      ReminderTask task = ReminderTask.of(incidentId, reminder);
      boolean past = !reminder.at().isAfter(now);
      if (past && task.reminderKey().equals(sent.get(reminder.deadline().key()))) {
        continue; // it went out: queuing it again would only be refused on delivery
      }
      boolean late = reminder.at().plus(GRACE).isBefore(now);
      queue.create(late ? task.resend(now) : task);
      queued++;
    }
    return queued;
  }
}
