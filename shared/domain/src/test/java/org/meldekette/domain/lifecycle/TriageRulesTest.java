package org.meldekette.domain.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.meldekette.domain.lifecycle.Fixtures.DPO;
import static org.meldekette.domain.lifecycle.Fixtures.LEGAL;
import static org.meldekette.domain.lifecycle.Fixtures.RESPONDER;
import static org.meldekette.domain.lifecycle.Fixtures.at;
import static org.meldekette.domain.lifecycle.Fixtures.codes;
import static org.meldekette.domain.lifecycle.Fixtures.complete;
import static org.meldekette.domain.lifecycle.Fixtures.opened;
import static org.meldekette.domain.lifecycle.Fixtures.triaged;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.meldekette.domain.ChangeType;
import org.meldekette.domain.Classification;
import org.meldekette.domain.Conflict;
import org.meldekette.domain.Incident;
import org.meldekette.domain.InvalidInput;
import org.meldekette.domain.ProcessingRoles;
import org.meldekette.domain.RiskLevel;
import org.meldekette.domain.Severity;
import org.meldekette.domain.Triage;

/** Triage, and the legal facts of a breach that change only with LEGAL's or the DPO's sign-off. */
class TriageRulesTest {
  @Test
  void aTriageRecordsOnlyWhatChangedOnTheTimeline() {
    Incident triaged = triaged(Classification.INCIDENT, RiskLevel.LOW, at(1));
    Outcome again =
        TriageRules.triage(
            triaged, complete(Classification.INCIDENT, RiskLevel.MEDIUM), RESPONDER, at(2));

    assertThat(again.change().type()).isEqualTo(ChangeType.TRIAGE_RECORDED);
    assertThat(again.change().before()).containsOnlyKeys("initialRisk");
    assertThat(again.change().after()).containsOnlyKeys("initialRisk");
    assertThat(again.change().summary()).isEqualTo("Triage recorded: initialRisk");
  }

  @Test
  void reclassifyingABreachOrLoweringAHighRiskNeedsASignOff() {
    Incident breach = triaged(Classification.BREACH, RiskLevel.HIGH, at(1));

    assertThatThrownBy(
            () ->
                TriageRules.triage(
                    breach, complete(Classification.INCIDENT, RiskLevel.LOW), RESPONDER, at(2)))
        .isInstanceOfSatisfying(
            Conflict.class,
            c -> {
              assertThat(c.code()).isEqualTo("LEGAL_SIGN_OFF_REQUIRED");
              assertThat(codes(c)).contains("RECLASSIFIED_FROM_BREACH", "HIGH_RISK_LOWERED");
            });
  }

  @Test
  void aLegalFactChangeIsFiledAndAppliedOnlyByAnotherPerson() {
    Incident breach = triaged(Classification.BREACH, RiskLevel.HIGH, at(1));
    Triage.Input lower = complete(Classification.BREACH, RiskLevel.LOW);

    TriageRules.TriageChange filed =
        TriageRules.requestChange(
            breach, "TCR-0000000001", lower, "the data was encrypted", LEGAL, at(2));
    assertThat(filed.request().facts()).containsExactly(Triage.LegalFact.HIGH_RISK_LOWERED);
    assertThat(filed.outcome().incident().triage().initialRisk()).isEqualTo(RiskLevel.HIGH);

    assertThatThrownBy(
            () ->
                TriageRules.approveChange(
                    filed.outcome().incident(), filed.request(), LEGAL, at(3)))
        .isInstanceOfSatisfying(
            Conflict.class, c -> assertThat(c.code()).isEqualTo("SELF_APPROVAL"));
    Outcome approved =
        TriageRules.approveChange(filed.outcome().incident(), filed.request(), DPO, at(3));
    assertThat(approved.incident().triage().initialRisk()).isEqualTo(RiskLevel.LOW);
    assertThat(approved.change().after()).containsEntry("requestedBy", LEGAL.id());
  }

  @Test
  void aRequestFiledAgainstATriageThatMovedOnIsStale() {
    Incident breach = triaged(Classification.BREACH, RiskLevel.HIGH, at(1));
    TriageRules.TriageChange filed =
        TriageRules.requestChange(
            breach,
            "TCR-0000000001",
            complete(Classification.BREACH, RiskLevel.LOW),
            "encrypted",
            LEGAL,
            at(2));
    Incident movedOn =
        TriageRules.triage(
                breach,
                complete(Classification.BREACH, RiskLevel.HIGH, Severity.P1),
                RESPONDER,
                at(3))
            .incident();

    assertThatThrownBy(() -> TriageRules.approveChange(movedOn, filed.request(), DPO, at(4)))
        .isInstanceOfSatisfying(
            Conflict.class, c -> assertThat(c.code()).isEqualTo("TRIAGE_CHANGE_STALE"));
  }

  @Test
  void aChangeWithoutALegalFactGoesThroughPlainTriage() {
    Incident breach = triaged(Classification.BREACH, RiskLevel.LOW, at(1));
    assertThatThrownBy(
            () ->
                TriageRules.requestChange(
                    breach,
                    "TCR-0000000001",
                    complete(Classification.BREACH, RiskLevel.MEDIUM),
                    "why",
                    LEGAL,
                    at(2)))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.code()).isEqualTo("NO_LEGAL_FACT"));
  }

  @Test
  void theRiskIsAssessedWithAJustificationAfterATriage() {
    assertThatThrownBy(() -> TriageRules.riskAssessed(opened(), RiskLevel.HIGH, "x", DPO, at(1)))
        .isInstanceOfSatisfying(
            Conflict.class, c -> assertThat(c.code()).isEqualTo("TRIAGE_MISSING"));
    Incident breach = triaged(Classification.BREACH, RiskLevel.LOW, at(1));
    assertThatThrownBy(() -> TriageRules.riskAssessed(breach, RiskLevel.HIGH, " ", DPO, at(2)))
        .isInstanceOf(InvalidInput.class);

    Outcome assessed =
        TriageRules.riskAssessed(breach, RiskLevel.HIGH, "health data of children", DPO, at(2));
    assertThat(assessed.incident().triage().highRiskFoundAt()).isEqualTo(at(2));
    assertThat(assessed.change().after()).containsEntry("justification", "health data of children");
  }

  @Test
  void actingAsProcessorIsRecordedWithBeforeAndAfter() {
    Incident breach = triaged(Classification.BREACH, RiskLevel.LOW, at(1));
    ProcessingRoles processor =
        new ProcessingRoles(
            ProcessingRoles.OperatorRole.PROCESSOR,
            new ProcessingRoles.Party("Acme", "dpo@acme.test", null),
            List.of());

    Outcome recorded = TriageRules.processingRecorded(breach, processor, LEGAL, at(2));

    assertThat(recorded.incident().processing().actingAsProcessor()).isTrue();
    assertThat(recorded.change().before()).containsEntry("role", "CONTROLLER");
    assertThat(recorded.change().after()).containsEntry("role", "PROCESSOR");
  }
}
