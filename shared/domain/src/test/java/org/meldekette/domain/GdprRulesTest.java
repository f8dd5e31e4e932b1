package org.meldekette.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meldekette.domain.deadline.Deadline;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.deadline.DeadlineStatus;
import org.meldekette.domain.deadline.IncidentFacts;
import org.meldekette.domain.deadline.Regimes;
import org.meldekette.domain.lifecycle.CommunicationRules;
import org.meldekette.domain.lifecycle.ExitCriteria;
import org.meldekette.domain.lifecycle.MilestoneRules;
import org.meldekette.domain.lifecycle.Outcome;
import org.meldekette.domain.lifecycle.PhaseRules;
import org.meldekette.domain.lifecycle.RecordRules;
import org.meldekette.domain.lifecycle.TriageRules;
import org.meldekette.domain.report.FinalReport;

/**
 * The clocks and the register as GDPR counts them, read as a DPO would (issue 16): every rule here
 * could be sidestepped before. The clock is a fixed instant; nothing sleeps.
 */
class GdprRulesTest {
  private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
  private static final Actor RESPONDER = Actor.staff("responder@x.test", Role.RESPONDER);
  private static final Actor LEGAL = Actor.staff("legal@x.test", Role.LEGAL);
  private static final Actor DPO = Actor.staff("dpo@x.test", Role.DPO);
  private static final DeadlinePolicy POLICY =
      new DeadlinePolicy(Regimes.shipped("GDPR", "INTERNAL"));

  private static Incident open() {
    return Incident.open("INC-20261120-AAAAAA", "t", IncidentSource.STAFF, null, T0);
  }

  private static Triage.Input triage(
      Classification classification, RiskLevel risk, Instant awareness) {
    return new Triage.Input(
        classification,
        Severity.P2,
        new CiaImpact(ImpactLevel.HIGH, ImpactLevel.NONE, ImpactLevel.NONE),
        null,
        List.of("crm"),
        List.of("user profiles"),
        List.of("email addresses"),
        100L,
        100L,
        risk,
        awareness,
        awareness == null ? null : "the processor told us");
  }

  private Incident breach(RiskLevel risk, Instant at) {
    return TriageRules.triage(open(), triage(Classification.BREACH, risk, null), RESPONDER, at)
        .incident();
  }

  private static Decision decision(DecisionType type, Instant at, Art34Exception exception) {
    return new Decision(
        "DEC-" + type.ordinal() + at.getEpochSecond(),
        type,
        "because",
        "legal@x.test",
        Role.LEGAL,
        at,
        null,
        null,
        exception);
  }

  private static Communication sent(Audience audience, Instant at) {
    return new Communication(
        "COM-" + audience.ordinal() + at.getEpochSecond(),
        audience,
        "portal",
        "sent",
        at,
        audience == Audience.SUPERVISORY_AUTHORITY ? Communication.Notification.INITIAL : null,
        null,
        null,
        "legal@x.test",
        at,
        null,
        null);
  }

  /**
   * An initial authority notification stated as sent at {@code sentAt}, recorded at {@code now}.
   */
  private static Communication toAuthority(
      String id, Instant sentAt, Instant now, String timeJustification) {
    return new Communication(
        id,
        Audience.SUPERVISORY_AUTHORITY,
        "portal",
        "s",
        sentAt,
        Communication.Notification.INITIAL,
        null,
        null,
        "legal@x.test",
        now,
        null,
        timeJustification);
  }

  private static Deadline clock(
      Incident incident, String key, List<Decision> d, List<Communication> c) {
    return POLICY.deadlines(new IncidentFacts(incident, IncidentRecords.of(d, c))).stream()
        .filter(deadline -> deadline.key().equals(key))
        .findFirst()
        .orElse(null);
  }

  // 1. The clocks are met by the notification, not by the decision to notify.

  @Test
  void article33IsMetByTheAuthorityNotificationOrByDecidingNotToNotify() {
    Incident breach = breach(RiskLevel.LOW, T0);
    Instant decided = T0.plus(Duration.ofHours(20));
    Deadline decidedOnly =
        clock(
            breach,
            "GDPR/ART33",
            List.of(decision(DecisionType.NOTIFY_AUTHORITY, decided, null)),
            List.of());
    assertThat(decidedOnly.status(T0.plus(Duration.ofHours(73)))).isEqualTo(DeadlineStatus.OVERDUE);
    assertThat(decidedOnly.isInProgress()).isTrue();

    Instant notified = T0.plus(Duration.ofHours(30));
    Deadline notifiedClock =
        clock(
            breach,
            "GDPR/ART33",
            List.of(decision(DecisionType.NOTIFY_AUTHORITY, decided, null)),
            List.of(sent(Audience.SUPERVISORY_AUTHORITY, notified)));
    assertThat(notifiedClock.metAt()).isEqualTo(notified);

    Deadline notNotifying =
        clock(
            breach,
            "GDPR/ART33",
            List.of(decision(DecisionType.NO_AUTHORITY_NOTIFICATION, decided, null)),
            List.of());
    assertThat(notNotifying.metAt()).isEqualTo(decided);
  }

  @Test
  void article34IsMetByInformingTheDataSubjectsAndAPublicCommunicationReplacesItOnlyOnceSent() {
    Incident breach = breach(RiskLevel.HIGH, T0);
    Instant decided = T0.plus(Duration.ofHours(10));
    assertThat(
            clock(
                    breach,
                    "GDPR/ART34",
                    List.of(decision(DecisionType.NOTIFY_DATA_SUBJECTS, decided, null)),
                    List.of())
                .isOpen())
        .isTrue();
    Instant informed = T0.plus(Duration.ofHours(30));
    assertThat(
            clock(
                    breach,
                    "GDPR/ART34",
                    List.of(decision(DecisionType.NOTIFY_DATA_SUBJECTS, decided, null)),
                    List.of(sent(Audience.DATA_SUBJECTS, informed)))
                .metAt())
        .isEqualTo(informed);

    Decision publicInstead =
        decision(
            DecisionType.NO_DATA_SUBJECT_NOTIFICATION,
            decided,
            Art34Exception.DISPROPORTIONATE_EFFORT);
    assertThat(clock(breach, "GDPR/ART34", List.of(publicInstead), List.of()).isOpen()).isTrue();
    Instant published = T0.plus(Duration.ofHours(40));
    assertThat(
            clock(
                    breach,
                    "GDPR/ART34",
                    List.of(publicInstead),
                    List.of(sent(Audience.PRESS, published)))
                .metAt())
        .isEqualTo(published);
    Decision encrypted =
        decision(DecisionType.NO_DATA_SUBJECT_NOTIFICATION, decided, Art34Exception.ENCRYPTED);
    assertThat(clock(breach, "GDPR/ART34", List.of(encrypted), List.of()).metAt())
        .isEqualTo(decided);
  }

  @Test
  void aCorrectedDecisionNoLongerMeetsTheClock() {
    Incident breach = breach(RiskLevel.LOW, T0);
    Decision no =
        decision(DecisionType.NO_AUTHORITY_NOTIFICATION, T0.plus(Duration.ofHours(5)), null);
    Decision corrected =
        new Decision(
            "DEC-2",
            DecisionType.NOTIFY_AUTHORITY,
            "new facts",
            "dpo@x.test",
            Role.DPO,
            T0.plus(Duration.ofHours(60)),
            no.id(),
            null,
            null);
    assertThat(clock(breach, "GDPR/ART33", List.of(no, corrected), List.of()).isOpen()).isTrue();
  }

  @Test
  void closingNeedsEveryDecidedNotificationSent() {
    Incident incident = breach(RiskLevel.LOW, T0);
    IncidentRecords decidedOnly =
        new IncidentRecords(
            List.of(),
            0,
            List.of(decision(DecisionType.NOTIFY_AUTHORITY, T0, null)),
            List.of(),
            List.of());
    assertThat(codes(ExitCriteria.unmet(Phase.RECOVERY_CLOSURE, incident, decidedOnly, List.of())))
        .contains("NOTIFICATION_NOT_SENT");
    IncidentRecords sentToo =
        new IncidentRecords(
            List.of(),
            0,
            List.of(decision(DecisionType.NOTIFY_AUTHORITY, T0, null)),
            List.of(),
            List.of(sent(Audience.SUPERVISORY_AUTHORITY, T0.plusSeconds(60))));
    assertThat(codes(ExitCriteria.unmet(Phase.RECOVERY_CLOSURE, incident, sentToo, List.of())))
        .doesNotContain("NOTIFICATION_NOT_SENT");
  }

  // 2. Classification and awareness are legal facts.

  @Test
  void reclassifyingABreachNeedsASignOffThatTheRequesterCannotGiveAndNeverRestartsThe72Hours() {
    Incident breach = breach(RiskLevel.LOW, T0);
    Instant due = T0.plus(Duration.ofHours(72));
    Instant later = T0.plus(Duration.ofHours(5));
    assertThatThrownBy(
            () ->
                TriageRules.triage(
                    breach, triage(Classification.INCIDENT, RiskLevel.LOW, null), RESPONDER, later))
        .isInstanceOfSatisfying(
            Conflict.class,
            c -> {
              assertThat(c.code()).isEqualTo("LEGAL_SIGN_OFF_REQUIRED");
              assertThat(codes(c.unmet())).containsExactly("RECLASSIFIED_FROM_BREACH");
            });
    assertThatThrownBy(
            () -> TriageRules.triage(breach, triage(null, RiskLevel.LOW, null), RESPONDER, later))
        .isInstanceOfSatisfying(
            Conflict.class, c -> assertThat(codes(c.unmet())).contains("CLASSIFICATION_DROPPED"));

    TriageRules.TriageChange filed =
        TriageRules.requestChange(
            breach,
            "TCR-0000000001",
            triage(Classification.INCIDENT, RiskLevel.LOW, null),
            "Only test accounts were exposed.",
            LEGAL,
            later);
    assertThatThrownBy(
            () ->
                TriageRules.approveChange(
                    filed.outcome().incident(), filed.request(), LEGAL, later))
        .isInstanceOfSatisfying(
            Conflict.class, c -> assertThat(c.code()).isEqualTo("SELF_APPROVAL"));
    Incident reclassified =
        TriageRules.approveChange(filed.outcome().incident(), filed.request(), DPO, later)
            .incident();
    assertThat(reclassified.isBreach()).isFalse();
    assertThat(reclassified.wasEverBreach()).as("it stays in the breach register").isTrue();
    assertThat(clock(reclassified, "GDPR/ART33", List.of(), List.of())).isNull();

    // Classified as a breach again days later: the clock runs from the first awareness.
    Incident again =
        TriageRules.triage(
                reclassified,
                triage(Classification.BREACH, RiskLevel.LOW, null),
                RESPONDER,
                T0.plus(Duration.ofDays(3)))
            .incident();
    assertThat(clock(again, "GDPR/ART33", List.of(), List.of()).dueAt()).isEqualTo(due);
  }

  @Test
  void movingAwarenessLaterThanTheFirstClassificationNeedsASignOffMovingItEarlierDoesNot() {
    Incident breach = breach(RiskLevel.LOW, T0);
    Instant now = T0.plus(Duration.ofHours(2));
    assertThatThrownBy(
            () ->
                TriageRules.triage(
                    breach,
                    triage(Classification.BREACH, RiskLevel.LOW, T0.plus(Duration.ofHours(1))),
                    RESPONDER,
                    now))
        .isInstanceOfSatisfying(
            Conflict.class,
            c -> assertThat(codes(c.unmet())).containsExactly("AWARENESS_MOVED_LATER"));
    Incident earlier =
        TriageRules.triage(
                breach,
                triage(Classification.BREACH, RiskLevel.LOW, T0.minus(Duration.ofHours(10))),
                RESPONDER,
                now)
            .incident();
    assertThat(clock(earlier, "GDPR/ART33", List.of(), List.of()).dueAt())
        .isEqualTo(T0.plus(Duration.ofHours(62)));
  }

  @Test
  void aStaleTriageChangeIsRefused() {
    Incident breach = breach(RiskLevel.LOW, T0);
    TriageRules.TriageChange filed =
        TriageRules.requestChange(
            breach,
            "TCR-0000000001",
            triage(Classification.INCIDENT, RiskLevel.LOW, null),
            "Test data only.",
            RESPONDER,
            T0);
    Incident movedOn =
        TriageRules.triage(
                filed.outcome().incident(),
                triage(Classification.BREACH, RiskLevel.MEDIUM, null),
                RESPONDER,
                T0.plusSeconds(60))
            .incident();
    assertThatThrownBy(
            () -> TriageRules.approveChange(movedOn, filed.request(), DPO, T0.plusSeconds(120)))
        .isInstanceOfSatisfying(
            Conflict.class, c -> assertThat(c.code()).isEqualTo("TRIAGE_CHANGE_STALE"));
  }

  @Test
  void legalOrTheDpoSetTheRiskAndLoweringAHighRiskInTriageNeedsTheirSignOff() {
    Incident breach = breach(RiskLevel.LOW, T0);
    Incident high =
        TriageRules.riskAssessed(
                breach,
                RiskLevel.HIGH,
                "Passwords in clear text.",
                DPO,
                T0.plus(Duration.ofHours(3)))
            .incident();
    Deadline art34 = clock(high, "GDPR/ART34", List.of(), List.of());
    assertThat(art34.startedAt()).isEqualTo(T0.plus(Duration.ofHours(3)));
    assertThatThrownBy(
            () ->
                TriageRules.triage(
                    high,
                    triage(Classification.BREACH, RiskLevel.LOW, null),
                    RESPONDER,
                    T0.plus(Duration.ofHours(4))))
        .isInstanceOfSatisfying(
            Conflict.class, c -> assertThat(codes(c.unmet())).containsExactly("HIGH_RISK_LOWERED"));
    assertThatThrownBy(() -> TriageRules.riskAssessed(breach, RiskLevel.HIGH, null, DPO, T0))
        .isInstanceOf(InvalidInput.class);
  }

  @Test
  void aBreachReclassifiedAfterItsLegalAssessmentCannotCloseWithoutItsArticle33Decision() {
    Incident breach = breach(RiskLevel.LOW, T0);
    Incident assessed =
        breach.inPhase(Phase.LEGAL_ASSESSMENT, null, null, T0.plus(Duration.ofHours(5)));
    assertThat(assessed.milestones().breachAssessedAt()).isNotNull();
    TriageRules.TriageChange filed =
        TriageRules.requestChange(
            assessed,
            "TCR-0000000002",
            triage(Classification.INCIDENT, RiskLevel.LOW, null),
            "No personal data after all.",
            RESPONDER,
            T0.plus(Duration.ofHours(6)));
    Incident reclassified =
        TriageRules.approveChange(
                filed.outcome().incident(), filed.request(), LEGAL, T0.plus(Duration.ofHours(6)))
            .incident()
            .inPhase(Phase.RECOVERY_CLOSURE, null, null, T0.plus(Duration.ofHours(7)));
    assertThat(
            codes(
                ExitCriteria.unmet(
                    Phase.RECOVERY_CLOSURE, reclassified, IncidentRecords.NONE, List.of())))
        .contains("ART_33_DECISION_MISSING");
    // Its Art. 33 decision may still be logged, reclassified or not.
    Decision decided =
        decision(DecisionType.NO_AUTHORITY_NOTIFICATION, T0.plus(Duration.ofHours(8)), null);
    RecordRules.decisionLogged(
        reclassified, IncidentRecords.NONE, decided, LEGAL, T0.plus(Duration.ofHours(8)));
    IncidentRecords withDecision =
        new IncidentRecords(List.of(), 0, List.of(decided), List.of(), List.of());
    assertThat(
            codes(
                ExitCriteria.unmet(Phase.RECOVERY_CLOSURE, reclassified, withDecision, List.of())))
        .doesNotContain("ART_33_DECISION_MISSING");
  }

  // 3. Consistent decisions.

  @Test
  void notInformingTheDataSubjectsAtHighRiskNeedsAnArticle34Exception() {
    Incident high = breach(RiskLevel.HIGH, T0);
    assertThatThrownBy(
            () ->
                RecordRules.decisionLogged(
                    high,
                    IncidentRecords.NONE,
                    decision(DecisionType.NO_DATA_SUBJECT_NOTIFICATION, T0, null),
                    LEGAL,
                    T0))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.field()).isEqualTo("exception"));
    Outcome logged =
        RecordRules.decisionLogged(
            high,
            IncidentRecords.NONE,
            decision(DecisionType.NO_DATA_SUBJECT_NOTIFICATION, T0, Art34Exception.ENCRYPTED),
            LEGAL,
            T0);
    assertThat(logged.change().after()).containsEntry("exception", "ENCRYPTED");
    // At low risk there is nothing to except from.
    RecordRules.decisionLogged(
        breach(RiskLevel.LOW, T0),
        IncidentRecords.NONE,
        decision(DecisionType.NO_DATA_SUBJECT_NOTIFICATION, T0, null),
        LEGAL,
        T0);
    assertThatThrownBy(() -> decision(DecisionType.NOTIFY_AUTHORITY, T0, Art34Exception.ENCRYPTED))
        .isInstanceOf(InvalidInput.class);
  }

  // 4. The communication gate in time.

  @Test
  void aCommunicationCannotBeSentBeforeItsApprovalNorDatedFarFromNowWithoutAReason() {
    Incident breach = breach(RiskLevel.LOW, T0);
    Instant approved = T0.plus(Duration.ofHours(10));
    Instant now = T0.plus(Duration.ofHours(20));
    List<Approval> approvals =
        List.of(
            new Approval("APR-1", Audience.SUPERVISORY_AUTHORITY, null, "legal@x.test", approved));
    Communication early =
        toAuthority(
            "COM-1", approved.minusSeconds(60), now, "posted before the approval was recorded");
    assertThatThrownBy(
            () -> CommunicationRules.communicationRecorded(breach, approvals, early, LEGAL, now))
        .isInstanceOfSatisfying(
            Conflict.class, c -> assertThat(c.code()).isEqualTo("SENT_BEFORE_APPROVAL"));

    Communication backdated = toAuthority("COM-2", now.minus(Duration.ofHours(2)), now, null);
    assertThatThrownBy(
            () ->
                CommunicationRules.communicationRecorded(breach, approvals, backdated, LEGAL, now))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.field()).isEqualTo("timeJustification"));
    Communication explained =
        toAuthority(
            "COM-3",
            now.minus(Duration.ofHours(2)),
            now,
            "Sent by the DPO from the authority's portal; recorded after the call.");
    CommunicationRules.communicationRecorded(breach, approvals, explained, LEGAL, now);

    Communication ahead =
        toAuthority("COM-4", now.plus(Duration.ofHours(1)), now, "will send later");
    assertThatThrownBy(
            () -> CommunicationRules.communicationRecorded(breach, approvals, ahead, LEGAL, now))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.code()).isEqualTo("IN_FUTURE"));
    Communication skewed = toAuthority("COM-5", now.plus(Duration.ofMinutes(5)), now, null);
    CommunicationRules.communicationRecorded(breach, approvals, skewed, LEGAL, now);
  }

  // 5. The final report.

  @Test
  void aReopenedIncidentClosedAgainOwesANewReportAndAReportNeedsRootCauseAndLessonsLearned() {
    Instant closed = T0.plus(Duration.ofDays(5));
    Incident done = open().inPhase(Phase.CLOSED, null, closed, closed);
    assertThatThrownBy(
            () ->
                MilestoneRules.finalReportIssued(done, "sha", DPO, closed.plus(Duration.ofDays(1))))
        .isInstanceOfSatisfying(
            Conflict.class,
            c -> {
              assertThat(c.code()).isEqualTo("FINAL_REPORT_INCOMPLETE");
              assertThat(codes(c.unmet()))
                  .containsExactly("ROOT_CAUSE_MISSING", "LESSONS_LEARNED_MISSING");
            });
    Incident explained =
        done.withAssessment(
            new Assessment(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "Public bucket",
                null,
                "Policy: no public buckets"),
            closed);
    Incident issued =
        MilestoneRules.finalReportIssued(explained, "sha1", DPO, closed.plus(Duration.ofDays(1)))
            .incident();
    assertThat(issued.milestones().finalReportVersion()).isEqualTo(1);
    assertThatThrownBy(
            () ->
                MilestoneRules.finalReportIssued(
                    issued, "sha1", DPO, closed.plus(Duration.ofDays(2))))
        .isInstanceOfSatisfying(
            Conflict.class, c -> assertThat(c.code()).isEqualTo("ALREADY_ISSUED"));
    assertThat(clock(issued, "INTERNAL/FINAL_REPORT", List.of(), List.of()).isOpen()).isFalse();

    Incident reopened =
        PhaseRules.reopen(
                issued,
                Phase.RECOVERY_CLOSURE,
                "A second bucket turned up.",
                Actor.staff("second@x.test", Role.SECOND_LINE),
                closed.plus(Duration.ofDays(3)))
            .incident();
    Instant closedAgain = closed.plus(Duration.ofDays(4));
    Incident again = reopened.inPhase(Phase.CLOSED, null, closedAgain, closedAgain);
    Deadline second = clock(again, "INTERNAL/FINAL_REPORT", List.of(), List.of());
    assertThat(second.isOpen()).as("the first report was of the first closure").isTrue();
    assertThat(second.dueAt()).isEqualTo(closedAgain.plus(Duration.ofDays(14)));
    Incident reissued =
        MilestoneRules.finalReportIssued(again, "sha2", DPO, closedAgain.plus(Duration.ofDays(1)))
            .incident();
    assertThat(reissued.milestones().finalReportVersion()).isEqualTo(2);
  }

  @Test
  void anIssuedReportIsFrozenWithTheHashOfItsContent() {
    Map<String, Object> data = new java.util.LinkedHashMap<>();
    data.put("incidentId", "INC-20261120-AAAAAA");
    data.put("estimatedDataSubjects", 1200L);
    data.put("closedAt", T0);
    FinalReport.Frozen frozen = FinalReport.Frozen.of(data);
    assertThat(frozen.intact()).isTrue();
    assertThat(frozen.data())
        .containsEntry("estimatedDataSubjects", 1200L)
        .containsEntry("closedAt", T0.toString());
    assertThat(
            new FinalReport.Frozen(frozen.json().replace("1200", "12"), frozen.sha256()).intact())
        .isFalse();
    data.put("estimatedDataSubjects", 1201L);
    assertThat(FinalReport.Frozen.of(data).sha256()).isNotEqualTo(frozen.sha256());
  }

  // 7. Measures after closure.

  @Test
  void correctiveAndPreventiveMeasuresHaveDueDateAndEffectivenessReviewClocksEvenAfterClosure() {
    Instant closed = T0.plus(Duration.ofDays(2));
    Incident done = open().inPhase(Phase.CLOSED, null, closed, closed);
    Instant due = T0.plus(Duration.ofDays(20));
    Measure corrective =
        Measure.added(
            "MSR-0000000001",
            MeasureType.CORRECTIVE,
            null,
            "Rotate keys",
            "platform",
            due,
            MeasureStatus.PLANNED,
            null,
            "r@x.test",
            T0);
    Measure containment =
        Measure.added(
            "MSR-0000000002",
            MeasureType.CONTAINMENT,
            null,
            "Block IP",
            null,
            due,
            MeasureStatus.PLANNED,
            null,
            "r@x.test",
            T0);
    List<Deadline> planned = measureClocks(done, List.of(corrective, containment));
    assertThat(planned)
        .extracting(Deadline::key)
        .containsExactly("INTERNAL/MEASURE_DUE/MSR-0000000001");
    assertThat(planned.get(0).dueAt()).isEqualTo(due);

    Instant finished = T0.plus(Duration.ofDays(10));
    Measure done1 =
        corrective.with(
            new Measure.Changes(null, null, null, MeasureStatus.DONE, null, null),
            "r@x.test",
            finished);
    List<Deadline> afterDone = measureClocks(done, List.of(done1));
    assertThat(afterDone)
        .extracting(Deadline::key)
        .containsExactly(
            "INTERNAL/MEASURE_DUE/MSR-0000000001", "INTERNAL/EFFECTIVENESS_REVIEW/MSR-0000000001");
    assertThat(afterDone.get(0).metAt()).isEqualTo(finished);
    assertThat(afterDone.get(1).dueAt()).isEqualTo(finished.plus(Duration.ofDays(30)));
    assertThat(afterDone.get(1).isOpen()).isTrue();

    Instant reviewed = finished.plus(Duration.ofDays(25));
    Measure checked =
        done1.with(
            new Measure.Changes(
                null, null, null, null, EffectivenessResult.EFFECTIVE, "no key reuse since"),
            "dpo@x.test",
            reviewed);
    assertThat(measureClocks(done, List.of(checked)).get(1).metAt()).isEqualTo(reviewed);
  }

  private static List<Deadline> measureClocks(Incident incident, List<Measure> measures) {
    List<Deadline> clocks = new ArrayList<>();
    for (Deadline d :
        POLICY.deadlines(
            new IncidentFacts(
                incident, new IncidentRecords(measures, 0, List.of(), List.of(), List.of())))) {
      if (d.subject() != null) {
        clocks.add(d);
      }
    }
    return clocks;
  }

  // 8. The sweep's order: the first reminder still to be sent.

  @Test
  void theNextReminderFollowsTheLastOneSentSoASentBacklogWaitsForItsNextReminder() {
    Incident breach = breach(RiskLevel.LOW, T0);
    Deadline art33 = clock(breach, "GDPR/ART33", List.of(), List.of());
    String incident = breach.id();
    assertThat(DeadlinePolicy.nextReminder(List.of(art33), Map.of()))
        .contains(art33.dueAt().minus(Duration.ofHours(48)));
    String overdue3 = art33.overdueReminder(3).taskName(incident);
    assertThat(DeadlinePolicy.nextReminder(List.of(art33), Map.of(art33.key(), overdue3)))
        .contains(art33.overdueReminder(4).at());
    String due = art33.reminder("due").taskName(incident);
    assertThat(DeadlinePolicy.nextReminder(List.of(art33), Map.of(art33.key(), due)))
        .contains(art33.overdueReminder(1).at());
    assertThat(DeadlinePolicy.nextReminder(List.of(art33), Map.of(art33.key(), due + "-resend-99")))
        .as("a re-sent reminder counts as sent")
        .contains(art33.overdueReminder(1).at());
  }

  // 9. Processor involvement.

  @Test
  void actingAsProcessorTheClockIsToNotifyTheControllerNotTheAuthority() {
    Incident breach = breach(RiskLevel.HIGH, T0);
    ProcessingRoles processor =
        new ProcessingRoles(
            ProcessingRoles.OperatorRole.PROCESSOR,
            new ProcessingRoles.Party("Kunde AG", "privacy@kunde.example", "DPA 2025-17"),
            List.of());
    Incident forController =
        TriageRules.processingRecorded(breach, processor, LEGAL, T0.plusSeconds(60)).incident();
    assertThat(clock(forController, "GDPR/ART33", List.of(), List.of())).isNull();
    assertThat(clock(forController, "GDPR/ART34", List.of(), List.of())).isNull();
    Deadline notifyController = clock(forController, "GDPR/ART33_2", List.of(), List.of());
    assertThat(notifyController.dueAt()).isEqualTo(T0.plus(Duration.ofHours(24)));
    Instant told = T0.plus(Duration.ofHours(3));
    assertThat(
            clock(
                    forController,
                    "GDPR/ART33_2",
                    List.of(),
                    List.of(sent(Audience.CONTROLLER, told)))
                .metAt())
        .isEqualTo(told);
    assertThat(
            codes(
                ExitCriteria.unmet(
                    Phase.LEGAL_ASSESSMENT, forController, IncidentRecords.NONE, List.of())))
        .containsExactly("CONTROLLER_NOT_NOTIFIED");
    assertThatThrownBy(
            () -> new ProcessingRoles(ProcessingRoles.OperatorRole.PROCESSOR, null, List.of()))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.field()).isEqualTo("controller"));
  }

  // 10. Regular operation restored.

  @Test
  void closingNeedsTheTimeRegularOperationWasRestored() {
    Incident recovering =
        open().inPhase(Phase.RECOVERY_CLOSURE, null, null, T0.plus(Duration.ofDays(1)));
    assertThat(
            codes(
                ExitCriteria.unmet(
                    Phase.RECOVERY_CLOSURE, recovering, IncidentRecords.NONE, List.of())))
        .contains("OPERATION_NOT_RESTORED");
    Instant now = T0.plus(Duration.ofDays(2));
    assertThatThrownBy(
            () ->
                MilestoneRules.operationRestored(
                    recovering, now.plus(Duration.ofHours(1)), RESPONDER, now))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.code()).isEqualTo("IN_FUTURE"));
    assertThatThrownBy(() -> MilestoneRules.operationRestored(open(), now, RESPONDER, now))
        .isInstanceOfSatisfying(
            Conflict.class, c -> assertThat(c.code()).isEqualTo("NOT_IN_RECOVERY"));
    Incident restored =
        MilestoneRules.operationRestored(recovering, now.minus(Duration.ofHours(3)), RESPONDER, now)
            .incident();
    assertThat(restored.milestones().operationRestoredAt())
        .isEqualTo(now.minus(Duration.ofHours(3)));
    assertThat(
            codes(
                ExitCriteria.unmet(
                    Phase.RECOVERY_CLOSURE, restored, IncidentRecords.NONE, List.of())))
        .doesNotContain("OPERATION_NOT_RESTORED");
  }

  private static List<String> codes(List<Conflict.Unmet> unmet) {
    return unmet.stream().map(Conflict.Unmet::code).toList();
  }
}
