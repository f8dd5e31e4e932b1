package org.meldekette.reminders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.meldekette.audit.AuditExport;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.deadline.Offset;
import org.meldekette.domain.deadline.Stage;
import org.meldekette.store.ReminderRecords;
import org.meldekette.store.ReminderStore;
import org.meldekette.tasks.ReminderScheduler;

/**
 * The safety net Cloud Scheduler runs every 15 minutes: for every incident whose next deadline is
 * close enough for a reminder (one indexed query on {@code nextDeadlineAt}, reading only those
 * incidents), it queues the reminders that should exist and re-sends a reminder whose task was
 * lost. Then it exports the audit events Cloud Logging missed. A lost task never means a missed
 * deadline.
 */
final class Sweep {
  /** One run handles at most this many incidents; the next run takes the rest. */
  private static final int BATCH = 1_000;

  private static final Duration INTERVAL_AND_MARGIN = Duration.ofMinutes(30);

  private final ReminderStore reminders;
  private final DeadlinePolicy policy;
  private final ReminderScheduler scheduler;
  private final AuditExport audit;
  private final Clock clock;

  Sweep(
      ReminderStore reminders,
      DeadlinePolicy policy,
      ReminderScheduler scheduler,
      AuditExport audit,
      Clock clock) {
    this.reminders = reminders;
    this.policy = policy;
    this.scheduler = scheduler;
    this.audit = audit;
    this.clock = clock;
  }

  Map<String, Object> run() throws Exception {
    Instant now = clock.instant();
    int incidents = 0;
    int tasks = 0;
    for (ReminderRecords.DueIncident due : reminders.dueBefore(now.plus(lead()), BATCH)) {
      incidents++;
      tasks += scheduler.sweep(due.incidentId(), due.deadlines(), due.sent(), now);
    }
    int exported = audit.exportPending(BATCH);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("incidents", incidents);
    result.put("tasks", tasks);
    result.put("auditEventsExported", exported);
    return result;
  }

  /**
   * How far ahead a deadline may lie and still have a reminder before the next run: the longest
   * lead, plus a run.
   */
  private Duration lead() {
    Duration longest = Duration.ZERO;
    for (Stage stage : policy.regimes().stages()) {
      for (Offset before : stage.remindBefore()) {
        longest = before.atMost().compareTo(longest) > 0 ? before.atMost() : longest;
      }
    }
    return longest.plus(INTERVAL_AND_MARGIN);
  }
}
