package org.meldekette.domain.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.Actor;
import org.meldekette.domain.Change;
import org.meldekette.domain.ChangeType;

/**
 * One running or finished clock of an incident.
 *
 * @param startedAt the fact the due time is counted from
 * @param metAt when what meets it was recorded, or null while open
 */
public record Deadline(Stage stage, Instant startedAt, Instant dueAt, Instant metAt) {

  public boolean isOpen() {
    return metAt == null;
  }

  /** Where the clock stands at {@code now}; once met, whether in time never changes again. */
  public DeadlineStatus status(Instant now) {
    if (metAt != null) {
      return metAt.isAfter(dueAt) ? DeadlineStatus.MET_LATE : DeadlineStatus.MET;
    }
    return now.isAfter(dueAt) ? DeadlineStatus.OVERDUE : DeadlineStatus.OPEN;
  }

  /** {@code REGIME/STAGE}. */
  public String key() {
    return stage.key();
  }

  /** Negative when overdue. */
  public Duration timeLeft(Instant now) {
    return Duration.between(now, dueAt);
  }

  /**
   * One reminder of this deadline: {@code kind} is {@code before-48h}, {@code due} or {@code
   * overdue-3}.
   */
  public record Reminder(Deadline deadline, String kind, Instant at, boolean escalates) {
    /**
     * The Cloud Tasks name: incident, stage, reminder and the due time as generation, so a moved
     * deadline gets new tasks and scheduling the same reminder twice is harmless.
     */
    /** What sending this reminder records on the incident's timeline and audit chain. */
    public Change sent(String incidentId, Actor actor, Instant now) {
      return new Change(
          ChangeType.REMINDER_SENT,
          actor,
          now,
          incidentId,
          (escalates ? "Overdue reminder, escalated: " : "Reminder sent: ")
              + deadline.stage().label()
              + " (due "
              + deadline.dueAt()
              + ")",
          null,
          Map.of(
              "deadline",
              deadline.stage().key(),
              "reminder",
              kind,
              "dueAt",
              deadline.dueAt().toString(),
              "escalated",
              escalates));
    }

    public String taskName(String incidentId) {
      return incidentId
          + "-"
          + deadline.stage().regime()
          + "-"
          + deadline.stage().id()
          + "-"
          + kind
          + "-"
          + deadline.dueAt().getEpochSecond();
    }
  }

  /** The reminders before and at the due time, in time order. */
  public List<Reminder> remindersUntilDue() {
    List<Reminder> reminders = new ArrayList<>();
    for (Offset before : stage.remindBefore()) {
      reminders.add(new Reminder(this, "before-" + before.label(), before.before(dueAt), false));
    }
    reminders.sort((a, b) -> a.at().compareTo(b.at()));
    reminders.add(new Reminder(this, "due", dueAt, false));
    return reminders;
  }

  /** The {@code n}th reminder while overdue (n from 1), escalated when the stage says so. */
  public Reminder overdueReminder(int n) {
    Instant at = dueAt;
    for (int i = 0; i < n; i++) {
      at = stage.overdueEvery().after(at);
    }
    return new Reminder(this, "overdue-" + n, at, stage.escalate());
  }

  /** Finds a reminder of this deadline by its kind, or null. */
  public Reminder reminder(String kind) {
    if (kind.startsWith("overdue-")) {
      try {
        int n = Integer.parseInt(kind.substring("overdue-".length()));
        return n >= 1 && n <= 10_000 ? overdueReminder(n) : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return remindersUntilDue().stream().filter(r -> r.kind().equals(kind)).findFirst().orElse(null);
  }
}
