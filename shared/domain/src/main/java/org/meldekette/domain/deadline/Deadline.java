package org.meldekette.domain.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.Actor;
import org.meldekette.domain.Change;
import org.meldekette.domain.ChangeType;

/**
 * One running or finished clock of an incident.
 *
 * @param subject what the clock is about when a stage runs one per record (the measure's ID), or
 *     null
 * @param startedAt the fact the due time is counted from
 * @param metAt when what meets it was recorded, or null while open
 * @param progressAt when a step towards meeting it was taken that does not meet it yet (a decision
 *     to notify, before the notification is sent), or null
 * @param settledAt when closing the incident settled the clock unmet, or null
 * @param settledAs how closing settled it: {@link DeadlineStatus#MISSED} (closed without meeting
 *     it) or {@link DeadlineStatus#STOPPED} (closed as not an incident); null while not settled
 */
public record Deadline(
    Stage stage,
    String subject,
    Instant startedAt,
    Instant dueAt,
    Instant metAt,
    Instant progressAt,
    Instant settledAt,
    DeadlineStatus settledAs) {

  public Deadline {
    if ((settledAt == null) != (settledAs == null)
        || (settledAs != null
            && settledAs != DeadlineStatus.MISSED
            && settledAs != DeadlineStatus.STOPPED)) {
      throw new IllegalArgumentException("a clock is settled as MISSED or STOPPED, at a time");
    }
  }

  /** A clock of the whole incident, not settled. */
  public Deadline(Stage stage, Instant startedAt, Instant dueAt, Instant metAt) {
    this(stage, null, startedAt, dueAt, metAt, null, null, null);
  }

  /** Still running: neither met nor settled by closing the incident. */
  public boolean isOpen() {
    return metAt == null && settledAt == null;
  }

  /** The same clock, settled unmet by closing the incident. */
  public Deadline settled(DeadlineStatus as, Instant at) {
    return new Deadline(stage, subject, startedAt, dueAt, metAt, progressAt, at, as);
  }

  /** Where the clock stands at {@code now}; once met or settled, that never changes again. */
  public DeadlineStatus status(Instant now) {
    if (metAt != null) {
      return metAt.isAfter(dueAt) ? DeadlineStatus.MET_LATE : DeadlineStatus.MET;
    }
    if (settledAs != null) {
      return settledAs;
    }
    return now.isAfter(dueAt) ? DeadlineStatus.OVERDUE : DeadlineStatus.OPEN;
  }

  /** Decided but not yet done: the step that meets the clock is still to come. */
  public boolean isInProgress() {
    return isOpen() && progressAt != null;
  }

  /** {@code REGIME/STAGE}, or {@code REGIME/STAGE/SUBJECT} for a clock of one record. */
  public String key() {
    return subject == null ? stage.key() : stage.key() + "/" + subject;
  }

  /** What the clock is, for people: the stage's label, and the record it is about. */
  public String label() {
    return subject == null ? stage.label() : stage.label() + " · " + subject;
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
    /** What sending this reminder records on the incident's timeline and audit chain. */
    public Change sent(String incidentId, Actor actor, Instant now) {
      Map<String, Object> after = new LinkedHashMap<>();
      after.put("deadline", deadline.key());
      after.put("reminder", kind);
      after.put("dueAt", deadline.dueAt().toString());
      after.put("escalated", escalates);
      return new Change(
          ChangeType.REMINDER_SENT,
          actor,
          now,
          incidentId,
          (escalates ? "Overdue reminder, escalated: " : "Reminder sent: ")
              + deadline.label()
              + " (due "
              + deadline.dueAt()
              + ")",
          null,
          after);
    }

    /**
     * The Cloud Tasks name: incident, stage (and subject), reminder and the due time as generation,
     * so a moved deadline gets new tasks and scheduling the same reminder twice is harmless.
     */
    public String taskName(String incidentId) {
      return ref(incidentId).key();
    }

    /** The reminder as a task names it. */
    public ReminderRef ref(String incidentId) {
      return new ReminderRef(
          incidentId,
          deadline.stage().regime(),
          deadline.stage().id(),
          deadline.subject(),
          kind,
          deadline.dueAt().getEpochSecond());
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

  /**
   * The first reminder of this open deadline still to be sent, given the key of the last one sent
   * for it (null when none was): the reminder after it, or — when none was sent, or the last was
   * for another due time — the first reminder of all.
   */
  public Reminder nextAfter(String lastSentKey) {
    List<Reminder> untilDue = remindersUntilDue();
    ReminderRef last = lastSentKey == null ? null : ReminderRef.parse(lastSentKey);
    if (last == null || last.dueAt() != dueAt.getEpochSecond()) {
      return untilDue.get(0);
    }
    if (last.kind().startsWith("overdue-")) {
      return overdueReminder(Integer.parseInt(last.kind().substring("overdue-".length())) + 1);
    }
    for (int i = 0; i < untilDue.size(); i++) {
      if (untilDue.get(i).kind().equals(last.kind())) {
        return i + 1 < untilDue.size() ? untilDue.get(i + 1) : overdueReminder(1);
      }
    }
    return untilDue.get(0);
  }
}
