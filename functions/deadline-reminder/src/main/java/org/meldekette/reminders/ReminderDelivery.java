package org.meldekette.reminders;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.Actor;
import org.meldekette.domain.deadline.Deadline;
import org.meldekette.domain.deadline.Regimes;
import org.meldekette.domain.deadline.ReminderRef;
import org.meldekette.log.StructuredLog;
import org.meldekette.notify.WebhookNotifier;
import org.meldekette.store.ReminderStore;
import org.meldekette.tasks.ReminderScheduler;

/**
 * Delivers one reminder task. The store re-reads the incident: a deadline already met, or moved
 * since the task was planned, gets nothing. Otherwise the reminder is claimed, posted to the
 * channels, and recorded (timeline, audit event, the incident's last reminder for the sweep). A
 * task delivered twice sends once: the second delivery finds the reminder sent (or, while the first
 * is still sending, asks to be retried).
 */
final class ReminderDelivery {
  static final Actor SERVICE = Actor.service("deadline-reminder");

  enum Result {
    SENT,
    ALREADY_SENT,
    NOT_NEEDED,
    IN_PROGRESS
  }

  /**
   * Which channels reminders go to: the team always, the escalation channels with overdue
   * escalations.
   */
  record Channels(List<String> team, List<String> escalation, String linkBase) {}

  private final ReminderStore store;
  private final Regimes regimes;
  private final WebhookNotifier notifier;
  private final ReminderScheduler scheduler;
  private final StructuredLog log;
  private final Clock clock;
  private final Channels channels;

  ReminderDelivery(
      ReminderStore store,
      Regimes regimes,
      WebhookNotifier notifier,
      ReminderScheduler scheduler,
      StructuredLog log,
      Clock clock,
      Channels channels) {
    this.store = store;
    this.regimes = regimes;
    this.notifier = notifier;
    this.scheduler = scheduler;
    this.log = log;
    this.clock = clock;
    this.channels = channels;
  }

  Result deliver(ReminderRef ref) throws Exception {
    Instant now = clock.instant();
    ReminderStore.Claim claim = store.claim(ref, now);
    switch (claim.status()) {
      case NOT_NEEDED -> {
        return Result.NOT_NEEDED;
      }
      case ALREADY_SENT -> {
        return Result.ALREADY_SENT;
      }
      case IN_PROGRESS -> {
        return Result.IN_PROGRESS;
      }
      case CLAIMED -> {
        // sent below
      }
    }
    Deadline.Reminder reminder = claim.reminder();
    List<String> to = new ArrayList<>(channels.team());
    if (reminder.escalates()) {
      to.addAll(channels.escalation());
    }
    String link =
        channels.linkBase() == null ? null : channels.linkBase() + "/incidents/" + ref.incidentId();
    try {
      notifier.send(
          to,
          ReminderText.of(
              ref.incidentId(),
              reminder,
              regimes.name(reminder.deadline().stage().regime()),
              now,
              link));
    } catch (Exception e) {
      store.release(
          ref); // free the reminder for the retry Cloud Tasks makes when this delivery fails
      throw e;
    }
    store.recordSent(ref, reminder, SERVICE, now);
    try {
      scheduler.schedule(
          ref.incidentId(), claim.deadlines(), now); // the next overdue reminder, say
    } catch (Exception e) {
      log.write(
          StructuredLog.Severity.WARNING,
          "follow-up reminders left to the sweep",
          Map.of("incidentId", ref.incidentId()),
          Map.of("exception", e.getClass().getName()),
          null);
    }
    return Result.SENT;
  }
}
