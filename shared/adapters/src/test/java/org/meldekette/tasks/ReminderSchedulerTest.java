package org.meldekette.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meldekette.domain.Actor;
import org.meldekette.domain.Classification;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentRecords;
import org.meldekette.domain.IncidentSource;
import org.meldekette.domain.RiskLevel;
import org.meldekette.domain.Role;
import org.meldekette.domain.Triage;
import org.meldekette.domain.deadline.Deadline;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.deadline.IncidentFacts;
import org.meldekette.domain.lifecycle.TriageRules;

class ReminderSchedulerTest {
  private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
  private final DeadlinePolicy policy =
      new DeadlinePolicy(org.meldekette.domain.deadline.Regimes.shipped("GDPR"));

  private List<Deadline> art33(Instant awareness) {
    Incident incident =
        Incident.open("INC-20261120-AAAAAA", "t", IncidentSource.STAFF, null, awareness);
    Incident breach =
        TriageRules.triage(
                incident,
                Triage.Input.classified(Classification.BREACH, null, RiskLevel.LOW),
                Actor.staff("r@x.test", Role.RESPONDER),
                awareness)
            .incident();
    return policy.deadlines(new IncidentFacts(breach, IncidentRecords.NONE));
  }

  @Test
  void aNewDeadlineGetsAllItsRemindersAndTheFirstOverdueOne() {
    List<Deadline.Reminder> due = ReminderScheduler.due(art33(T0), T0);
    assertThat(due)
        .extracting(Deadline.Reminder::kind)
        .containsExactly("before-48h", "before-24h", "before-6h", "due", "overdue-1");
  }

  @Test
  void aDeadlineThatAppearsLateGetsTheLatestPastReminderAtOnceAndTheRest() {
    Instant awareness = T0;
    Instant now =
        awareness.plus(Duration.ofHours(60)); // 12 h left: the 48 h and 24 h reminders have passed
    List<Deadline.Reminder> due = ReminderScheduler.due(art33(awareness), now);
    assertThat(due)
        .extracting(Deadline.Reminder::kind)
        .containsExactly("before-24h", "before-6h", "due", "overdue-1");
  }

  @Test
  void anOverdueDeadlineHasItsCurrentAndNextOverdueReminderOnly() {
    Instant now =
        T0.plus(
            Duration.ofHours(72 + 30)); // 30 h overdue: overdue-1 (12 h) and -2 (24 h) have passed
    List<Deadline.Reminder> due = ReminderScheduler.due(art33(T0), now);
    assertThat(due).extracting(Deadline.Reminder::kind).containsExactly("overdue-2", "overdue-3");
  }

  @Test
  void theSweepResendsALostPastReminderUnderANewNameButNotOneThatWasSent() throws Exception {
    List<ReminderTask> queued = new ArrayList<>();
    ReminderScheduler scheduler = new ReminderScheduler(task -> queued.add((ReminderTask) task));
    List<Deadline> deadlines = art33(T0);
    Instant now = T0.plus(Duration.ofHours(25)); // the 48 h-before reminder was due an hour ago
    String lost = deadlines.get(0).remindersUntilDue().get(0).taskName("INC-20261120-AAAAAA");

    scheduler.sweep("INC-20261120-AAAAAA", deadlines, Map.of(), now);
    assertThat(queued)
        .filteredOn(t -> !t.name().equals(t.reminderKey()))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.reminderKey()).isEqualTo(lost);
              assertThat(t.name()).startsWith(lost + "-resend-");
              assertThat(t.scheduleTime()).isEqualTo(now);
            });

    queued.clear();
    scheduler.sweep("INC-20261120-AAAAAA", deadlines, Map.of("GDPR/ART33", lost), now);
    assertThat(queued)
        .as("the reminder that went out is not queued again; the later ones are")
        .isNotEmpty()
        .allMatch(t -> t.name().equals(t.reminderKey()))
        .noneMatch(t -> t.reminderKey().equals(lost));
  }
}
