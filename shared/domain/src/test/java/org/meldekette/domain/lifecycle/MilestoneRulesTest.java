package org.meldekette.domain.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.meldekette.domain.lifecycle.Fixtures.DPO;
import static org.meldekette.domain.lifecycle.Fixtures.RESPONDER;
import static org.meldekette.domain.lifecycle.Fixtures.SECOND_LINE;
import static org.meldekette.domain.lifecycle.Fixtures.T0;
import static org.meldekette.domain.lifecycle.Fixtures.at;
import static org.meldekette.domain.lifecycle.Fixtures.codes;
import static org.meldekette.domain.lifecycle.Fixtures.triaged;

import org.junit.jupiter.api.Test;
import org.meldekette.domain.Assessment;
import org.meldekette.domain.Classification;
import org.meldekette.domain.Conflict;
import org.meldekette.domain.Incident;
import org.meldekette.domain.InvalidInput;
import org.meldekette.domain.Phase;
import org.meldekette.domain.RegimeTrigger;
import org.meldekette.domain.RiskLevel;

/** Milestones that start or meet clocks: escalation, restoration, final report, regimes. */
class MilestoneRulesTest {
  private static final Incident TRIAGED = triaged(Classification.BREACH, RiskLevel.LOW, at(1));

  @Test
  void theEscalationIsAcknowledgedOnce() {
    Incident acknowledged = MilestoneRules.acknowledgeEscalation(TRIAGED, DPO, at(2)).incident();
    assertThat(acknowledged.milestones().escalationAcknowledgedAt()).isEqualTo(at(2));
    assertThatThrownBy(() -> MilestoneRules.acknowledgeEscalation(acknowledged, DPO, at(3)))
        .isInstanceOfSatisfying(
            Conflict.class, c -> assertThat(c.code()).isEqualTo("ALREADY_ACKNOWLEDGED"));
  }

  @Test
  void operationIsRestoredInRecoveryAtATimeBetweenDetectionAndNow() {
    assertThatThrownBy(() -> MilestoneRules.operationRestored(TRIAGED, at(2), RESPONDER, at(3)))
        .isInstanceOfSatisfying(
            Conflict.class, c -> assertThat(c.code()).isEqualTo("NOT_IN_RECOVERY"));
    Incident recovering = TRIAGED.inPhase(Phase.RECOVERY_CLOSURE, null, null, at(5));
    assertThatThrownBy(() -> MilestoneRules.operationRestored(recovering, at(9), RESPONDER, at(6)))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.code()).isEqualTo("IN_FUTURE"));
    assertThatThrownBy(
            () ->
                MilestoneRules.operationRestored(recovering, T0.minusSeconds(60), RESPONDER, at(6)))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.code()).isEqualTo("BEFORE_DETECTION"));
    assertThat(
            MilestoneRules.operationRestored(recovering, at(4), RESPONDER, at(6))
                .incident()
                .milestones()
                .operationRestoredAt())
        .isEqualTo(at(4));
  }

  @Test
  void theFinalReportFollowsClosureOnceWithRootCauseAndLessons() {
    assertThatThrownBy(() -> MilestoneRules.finalReportIssued(TRIAGED, "h", SECOND_LINE, at(2)))
        .isInstanceOfSatisfying(
            Conflict.class, c -> assertThat(c.code()).isEqualTo("INCIDENT_NOT_CLOSED"));
    Incident closed = TRIAGED.inPhase(Phase.CLOSED, null, at(10), at(10));
    assertThatThrownBy(() -> MilestoneRules.finalReportIssued(closed, "h", SECOND_LINE, at(11)))
        .isInstanceOfSatisfying(
            Conflict.class,
            c ->
                assertThat(codes(c))
                    .containsExactly("ROOT_CAUSE_MISSING", "LESSONS_LEARNED_MISSING"));

    Incident explained =
        closed.withAssessment(
            new Assessment(
                null, null, null, null, null, null, null, "weak password", null, "MFA for all"),
            at(10));
    Incident issued =
        MilestoneRules.finalReportIssued(explained, "h", SECOND_LINE, at(11)).incident();
    assertThat(issued.milestones().finalReportVersion()).isEqualTo(1);
    assertThatThrownBy(() -> MilestoneRules.finalReportIssued(issued, "h", SECOND_LINE, at(12)))
        .isInstanceOfSatisfying(
            Conflict.class, c -> assertThat(c.code()).isEqualTo("ALREADY_ISSUED"));
  }

  @Test
  void aRegimeAppliesFromAPastTimeAndKeepsItsRequestsWhenCorrected() {
    RegimeTrigger nis2 = new RegimeTrigger(at(2), at(2), DPO.id(), "significant", null);
    assertThatThrownBy(
            () ->
                MilestoneRules.regimeTriggered(
                    TRIAGED,
                    "NIS2",
                    new RegimeTrigger(at(9), at(9), DPO.id(), "x", null),
                    DPO,
                    at(3)))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.code()).isEqualTo("IN_FUTURE"));
    assertThatThrownBy(
            () ->
                MilestoneRules.regimeReportRequested(
                    TRIAGED, "NIS2", "INTERMEDIATE_REPORT", at(50), DPO, at(3)))
        .isInstanceOfSatisfying(
            Conflict.class, c -> assertThat(c.code()).isEqualTo("REGIME_NOT_TRIGGERED"));

    Incident triggered =
        MilestoneRules.regimeTriggered(TRIAGED, "NIS2", nis2, DPO, at(3)).incident();
    Incident requested =
        MilestoneRules.regimeReportRequested(
                triggered, "NIS2", "INTERMEDIATE_REPORT", at(50), DPO, at(4))
            .incident();
    Incident corrected =
        MilestoneRules.regimeTriggered(
                requested,
                "NIS2",
                new RegimeTrigger(at(1), at(1), DPO.id(), "earlier", null),
                DPO,
                at(5))
            .incident();

    assertThat(corrected.regimes().get("NIS2").triggeredAt()).isEqualTo(at(1));
    assertThat(corrected.regimes().get("NIS2").requests())
        .containsEntry("INTERMEDIATE_REPORT", at(50));
  }
}
