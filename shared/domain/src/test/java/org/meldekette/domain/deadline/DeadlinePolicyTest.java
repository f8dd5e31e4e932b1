package org.meldekette.domain.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meldekette.domain.Actor;
import org.meldekette.domain.Assessment;
import org.meldekette.domain.Classification;
import org.meldekette.domain.Decision;
import org.meldekette.domain.DecisionType;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentRecords;
import org.meldekette.domain.IncidentSource;
import org.meldekette.domain.InvalidInput;
import org.meldekette.domain.Phase;
import org.meldekette.domain.RiskLevel;
import org.meldekette.domain.Role;
import org.meldekette.domain.Triage;
import org.meldekette.domain.lifecycle.MilestoneRules;
import org.meldekette.domain.lifecycle.TriageRules;

/** Every GDPR and internal deadline, derived from an incident's state at fixed times. */
class DeadlinePolicyTest {
  static final Instant DETECTED = Instant.parse("2026-11-20T09:00:00Z");
  static final Actor RESPONDER = Actor.staff("r@x.test", Role.RESPONDER);
  private final DeadlinePolicy policy = policy("GDPR", "INTERNAL");

  static DeadlinePolicy policy(String... regimes) {
    return new DeadlinePolicy(Regimes.shipped(regimes));
  }

  static Incident incident() {
    return Incident.open("INC-20261120-AAAAAA", "t", IncidentSource.STAFF, null, DETECTED);
  }

  static Triage.Input breach(RiskLevel risk, Instant awareness, String justification) {
    return new Triage.Input(
        Classification.BREACH,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        risk,
        awareness,
        justification);
  }

  /** An assessment with the items a final report needs. */
  static final Assessment EXPLAINED =
      new Assessment(
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          "A bucket was public.",
          null,
          "Buckets are private by policy now.");

  static Decision decision(DecisionType type, Instant at, String delayReasons) {
    return new Decision(
        "DEC-" + type.ordinal() + at.getEpochSecond(),
        type,
        "because",
        "legal@x.test",
        Role.LEGAL,
        at,
        null,
        delayReasons,
        null);
  }

  private List<Deadline> deadlines(Incident incident, Decision... decisions) {
    return policy.deadlines(
        new IncidentFacts(incident, IncidentRecords.of(List.of(decisions), List.of())));
  }

  private static Deadline find(List<Deadline> deadlines, String key) {
    return deadlines.stream().filter(d -> d.stage().key().equals(key)).findFirst().orElse(null);
  }

  @Test
  void aFreshIncidentOnlyHasTheTriageTarget() {
    List<Deadline> deadlines = deadlines(incident());
    assertThat(deadlines).extracting(d -> d.stage().key()).containsExactly("INTERNAL/TRIAGE");
    assertThat(deadlines.get(0).dueAt()).isEqualTo(DETECTED.plus(Duration.ofHours(24)));
  }

  @Test
  void article33FallsDue72HoursAfterAwarenessAndIsMetByNotNotifyingOrByTheNotificationItself() {
    Instant classified = DETECTED.plus(Duration.ofHours(3));
    Incident breach =
        TriageRules.triage(incident(), breach(RiskLevel.MEDIUM, null, null), RESPONDER, classified)
            .incident();
    Deadline art33 = find(deadlines(breach), "GDPR/ART33");
    assertThat(art33.startedAt()).isEqualTo(classified);
    assertThat(art33.dueAt()).isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
    assertThat(find(deadlines(breach), "GDPR/ART34")).as("no high risk, no Art. 34 clock").isNull();

    Instant decided = classified.plus(Duration.ofHours(50));
    assertThat(
            find(
                    deadlines(
                        breach, decision(DecisionType.NO_AUTHORITY_NOTIFICATION, decided, null)),
                    "GDPR/ART33")
                .metAt())
        .isEqualTo(decided);
    Deadline decidedToNotify =
        find(
            deadlines(breach, decision(DecisionType.NOTIFY_AUTHORITY, decided, null)),
            "GDPR/ART33");
    assertThat(decidedToNotify.isOpen()).as("decided, not yet sent: the clock runs on").isTrue();
    assertThat(decidedToNotify.progressAt()).isEqualTo(decided);
    assertThat(
            find(
                    deadlines(
                        breach, decision(DecisionType.SUPPLEMENTARY_NOTIFICATION, decided, null)),
                    "GDPR/ART33")
                .isOpen())
        .as("a supplementary notification does not answer Art. 33")
        .isTrue();
  }

  @Test
  void anAwarenessTimeChangedLaterMovesTheArticle33Deadline() {
    Instant classified = DETECTED.plus(Duration.ofHours(3));
    Incident breach =
        TriageRules.triage(incident(), breach(RiskLevel.LOW, null, null), RESPONDER, classified)
            .incident();
    Instant earlier = DETECTED.minus(Duration.ofHours(10));
    Incident corrected =
        TriageRules.triage(
                breach,
                breach(RiskLevel.LOW, earlier, "the processor told us a day earlier"),
                RESPONDER,
                classified.plus(Duration.ofHours(5)))
            .incident();
    assertThat(find(deadlines(corrected), "GDPR/ART33").dueAt())
        .isEqualTo(earlier.plus(Duration.ofHours(72)));
  }

  @Test
  void aLateNotificationDecisionWithoutReasonsIsRefused() {
    Instant classified = DETECTED.plus(Duration.ofHours(3));
    Incident breach =
        TriageRules.triage(incident(), breach(RiskLevel.MEDIUM, null, null), RESPONDER, classified)
            .incident();
    List<Deadline> deadlines = deadlines(breach);
    Instant late = classified.plus(Duration.ofHours(73));
    assertThatThrownBy(
            () ->
                DeadlinePolicy.requireDelayReasons(
                    deadlines, decision(DecisionType.NOTIFY_AUTHORITY, late, null), late))
        .isInstanceOf(InvalidInput.class)
        .hasFieldOrPropertyWithValue("field", "delayReasons");
    DeadlinePolicy.requireDelayReasons(
        deadlines, decision(DecisionType.NOTIFY_AUTHORITY, late, "forensics took 4 days"), late);
    DeadlinePolicy.requireDelayReasons(
        deadlines,
        decision(DecisionType.NOTIFY_AUTHORITY, late.minusSeconds(7200), null),
        late.minusSeconds(7200));
    DeadlinePolicy.requireDelayReasons(
        deadlines, decision(DecisionType.NO_AUTHORITY_NOTIFICATION, late, null), late);
  }

  @Test
  void article34RunsFromTheHighRiskFindingAndIsMetByADataSubjectDecision() {
    Instant classified = DETECTED.plus(Duration.ofHours(1));
    Incident breach =
        TriageRules.triage(incident(), breach(RiskLevel.MEDIUM, null, null), RESPONDER, classified)
            .incident();
    Instant highRisk = classified.plus(Duration.ofHours(20));
    Incident worse =
        TriageRules.triage(breach, breach(RiskLevel.HIGH, null, null), RESPONDER, highRisk)
            .incident();
    Deadline art34 = find(deadlines(worse), "GDPR/ART34");
    assertThat(art34.startedAt()).isEqualTo(highRisk);
    assertThat(art34.dueAt()).isEqualTo(highRisk.plus(Duration.ofHours(72)));
    assertThat(
            find(
                    deadlines(
                        worse,
                        decision(
                            DecisionType.NO_DATA_SUBJECT_NOTIFICATION,
                            highRisk.plusSeconds(60),
                            null)),
                    "GDPR/ART34")
                .isOpen())
        .isFalse();
  }

  @Test
  void theInternalTargetsRunFromDetectionClassificationTriageAndClosure() {
    Instant classified = DETECTED.plus(Duration.ofHours(2));
    Incident triaged =
        TriageRules.triage(incident(), breach(RiskLevel.LOW, null, null), RESPONDER, classified)
            .incident();
    assertThat(find(deadlines(triaged), "INTERNAL/ESCALATION").dueAt())
        .isEqualTo(classified.plus(Duration.ofHours(4)));
    Instant acknowledged = classified.plus(Duration.ofHours(1));
    Incident escalated =
        MilestoneRules.acknowledgeEscalation(
                triaged, Actor.staff("dpo@x.test", Role.DPO), acknowledged)
            .incident();
    assertThat(find(deadlines(escalated), "INTERNAL/ESCALATION").metAt()).isEqualTo(acknowledged);

    Instant leftTriage = DETECTED.plus(Duration.ofHours(30));
    Incident contained = escalated.inPhase(Phase.CONTAINMENT, null, null, leftTriage);
    Deadline triage = find(deadlines(contained), "INTERNAL/TRIAGE");
    assertThat(triage.metAt()).isEqualTo(leftTriage);
    assertThat(triage.status(leftTriage)).isEqualTo(DeadlineStatus.MET_LATE);
    Deadline legal = find(deadlines(contained), "INTERNAL/LEGAL_ASSESSMENT");
    assertThat(legal.dueAt()).isEqualTo(leftTriage.plus(Duration.ofHours(24)));
    assertThat(
            find(
                    deadlines(
                        contained,
                        decision(
                            DecisionType.NO_AUTHORITY_NOTIFICATION,
                            leftTriage.plusSeconds(60),
                            null)),
                    "INTERNAL/LEGAL_ASSESSMENT")
                .isOpen())
        .isFalse();
  }

  @Test
  void theFinalReportFallsDue14DaysAfterClosure() {
    Instant closed = Instant.parse("2026-12-01T16:30:00Z");
    Incident done = incident().inPhase(Phase.CLOSED, null, closed, closed);
    Deadline report = find(deadlines(done), "INTERNAL/FINAL_REPORT");
    assertThat(report.dueAt()).isEqualTo(Instant.parse("2026-12-15T16:30:00Z"));
    Incident explained = done.withAssessment(EXPLAINED, closed);
    Incident issued =
        MilestoneRules.finalReportIssued(
                explained, "sha", RESPONDER, closed.plus(Duration.ofDays(10)))
            .incident();
    assertThat(find(deadlines(issued), "INTERNAL/FINAL_REPORT").metAt())
        .isEqualTo(closed.plus(Duration.ofDays(10)));
  }

  @Test
  void article33RemindsAt48And24And6HoursBeforeAtTheDeadlineAndEvery12HoursOverdueWithEscalation() {
    Incident breach =
        TriageRules.triage(incident(), breach(RiskLevel.LOW, null, null), RESPONDER, DETECTED)
            .incident();
    Deadline art33 = find(deadlines(breach), "GDPR/ART33");
    Instant due = DETECTED.plus(Duration.ofHours(72));
    assertThat(art33.remindersUntilDue())
        .extracting(Deadline.Reminder::kind, Deadline.Reminder::at)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("before-48h", due.minus(Duration.ofHours(48))),
            org.assertj.core.groups.Tuple.tuple("before-24h", due.minus(Duration.ofHours(24))),
            org.assertj.core.groups.Tuple.tuple("before-6h", due.minus(Duration.ofHours(6))),
            org.assertj.core.groups.Tuple.tuple("due", due));
    assertThat(art33.overdueReminder(3).at()).isEqualTo(due.plus(Duration.ofHours(36)));
    assertThat(art33.overdueReminder(1).escalates()).isTrue();
    assertThat(art33.reminder("overdue-2")).isEqualTo(art33.overdueReminder(2));
    assertThat(art33.remindersUntilDue().get(0).taskName(breach.id()))
        .isEqualTo("INC-20261120-AAAAAA-GDPR-ART33-before-48h-" + due.getEpochSecond());
  }

  @Test
  void aRegimeSwitchedOffShowsNoneOfItsClocks() {
    DeadlinePolicy internalOnly = policy("INTERNAL");
    Incident breach =
        TriageRules.triage(incident(), breach(RiskLevel.HIGH, null, null), RESPONDER, DETECTED)
            .incident();
    List<Deadline> deadlines =
        internalOnly.deadlines(new IncidentFacts(breach, IncidentRecords.of(List.of(), List.of())));
    assertThat(deadlines).extracting(d -> d.stage().regime()).containsOnly("INTERNAL");
    assertThatThrownBy(() -> policy("GDPR", "MARS")).hasMessageContaining("MARS");
  }

  @Test
  void aClockIsOpenUntilDueThenOverdueAndOnceMetStaysMetInTimeOrLate() {
    Instant aware = DETECTED;
    Deadline art33 =
        find(
            deadlines(
                TriageRules.triage(incident(), breach(RiskLevel.LOW, null, null), RESPONDER, aware)
                    .incident()),
            "GDPR/ART33");
    Instant due = aware.plus(Duration.ofHours(72));
    assertThat(art33.status(due)).isEqualTo(DeadlineStatus.OPEN);
    assertThat(art33.status(due.plusSeconds(1))).isEqualTo(DeadlineStatus.OVERDUE);
    Deadline metInTime = new Deadline(art33.stage(), art33.startedAt(), due, due);
    assertThat(metInTime.status(due.plus(Duration.ofDays(30)))).isEqualTo(DeadlineStatus.MET);
    Deadline metLate = new Deadline(art33.stage(), art33.startedAt(), due, due.plusSeconds(1));
    assertThat(metLate.status(due)).isEqualTo(DeadlineStatus.MET_LATE);
  }
}
