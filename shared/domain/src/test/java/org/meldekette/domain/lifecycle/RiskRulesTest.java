package org.meldekette.domain.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.meldekette.domain.lifecycle.Fixtures.DPO;
import static org.meldekette.domain.lifecycle.Fixtures.LEGAL;
import static org.meldekette.domain.lifecycle.Fixtures.RESPONDER;
import static org.meldekette.domain.lifecycle.Fixtures.T0;
import static org.meldekette.domain.lifecycle.Fixtures.at;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meldekette.domain.Actor;
import org.meldekette.domain.ChangeType;
import org.meldekette.domain.Classification;
import org.meldekette.domain.Conflict;
import org.meldekette.domain.Forbidden;
import org.meldekette.domain.Incident;
import org.meldekette.domain.InvalidInput;
import org.meldekette.domain.RiskLevel;
import org.meldekette.domain.Role;
import org.meldekette.domain.risk.Circumstance;
import org.meldekette.domain.risk.DataCategory;
import org.meldekette.domain.risk.EdpbFactor;
import org.meldekette.domain.risk.Identifiability;
import org.meldekette.domain.risk.RiskAssessment;
import org.meldekette.domain.risk.RiskInput;
import org.meldekette.domain.risk.RiskMethod;
import org.meldekette.domain.risk.SeverityBand;

class RiskRulesTest {
  private static final RiskMethod ENISA = RiskMethod.shipped();

  /** Sensitive data, identifiable, disclosed to unknown recipients: 4 + 0.5 = 4.5, very high. */
  private static RiskInput healthDataLeaked() {
    return input(DataCategory.SENSITIVE, 4, "UNKNOWN_RECIPIENTS");
  }

  /** A customer list to one known wrong recipient: 1 + 0.25 = 1.25, low. */
  private static RiskInput customerListMisSent() {
    return input(DataCategory.SIMPLE, 1, "KNOWN_RECIPIENTS");
  }

  private static RiskInput input(DataCategory category, int score, String confidentiality) {
    Map<Circumstance, RiskInput.Finding> found = new EnumMap<>(Circumstance.class);
    for (Circumstance c : Circumstance.values()) {
      found.put(c, new RiskInput.Finding(c.levels().get(0), "none"));
    }
    found.put(Circumstance.CONFIDENTIALITY, new RiskInput.Finding(confidentiality, "seen"));
    Map<EdpbFactor, String> factors = new EnumMap<>(EdpbFactor.class);
    for (EdpbFactor f : EdpbFactor.values()) {
      factors.put(f, "about " + f);
    }
    factors.put(EdpbFactor.SEVERITY_OF_CONSEQUENCES, "Identity theft and distress are likely.");
    return new RiskInput(
        List.of(new RiskInput.DataItem(category, score, List.of(), "the data")),
        new RiskInput.Identification(Identifiability.MAXIMUM, "names"),
        found,
        factors,
        List.of());
  }

  private static RiskAssessment assessed(String id, RiskInput input, Actor by) {
    return RiskAssessment.made(id, 1, input, ENISA, false, by.id(), Role.valueOf(by.role()), at(1));
  }

  private static Incident breach(RiskLevel risk) {
    return Fixtures.triaged(Classification.BREACH, risk, T0);
  }

  @Test
  void recordingOnlySuggestsTheRiskStaysAsItWas() {
    Incident incident = breach(RiskLevel.LOW);
    RiskAssessment assessment = assessed("RSK-0000000001", healthDataLeaked(), RESPONDER);
    Outcome outcome = RiskRules.recorded(incident, assessment, RESPONDER, at(1));
    assertThat(outcome.incident().triage().initialRisk()).isEqualTo(RiskLevel.LOW);
    assertThat(outcome.incident().riskAcceptance()).isNull();
    assertThat(outcome.change().type()).isEqualTo(ChangeType.RISK_ASSESSMENT_RECORDED);
    assertThat(outcome.change().after())
        .containsEntry("band", "VERY_HIGH")
        .containsEntry("suggestedRisk", "HIGH")
        .containsEntry("method", "ENISA-2013/1");
  }

  @Test
  void acceptingSetsTheSuggestedRiskAndStartsTheArt34Clock() {
    Incident incident = breach(RiskLevel.MEDIUM);
    RiskAssessment assessment = assessed("RSK-0000000001", healthDataLeaked(), RESPONDER);
    RiskRules.Decided decided =
        RiskRules.decided(incident, assessment, true, null, null, DPO, at(2));
    Incident after = decided.outcome().incident();
    assertThat(after.triage().initialRisk()).isEqualTo(RiskLevel.HIGH);
    assertThat(after.triage().highRiskFoundAt()).isEqualTo(at(2));
    assertThat(after.riskAcceptance().assessmentId()).isEqualTo("RSK-0000000001");
    assertThat(after.riskAcceptance().band()).isEqualTo(SeverityBand.VERY_HIGH);
    assertThat(after.riskAcceptance().overridden()).isFalse();
    assertThat(after.riskAcceptance().consequences())
        .isEqualTo("Identity theft and distress are likely.");
    assertThat(decided.assessment().verdict().decision()).isEqualTo(RiskAssessment.Decision.ACCEPT);
    assertThat(decided.outcome().change().type()).isEqualTo(ChangeType.RISK_ASSESSMENT_ACCEPTED);
    assertThat(decided.outcome().change().after())
        .containsEntry("initialRisk", "HIGH")
        .containsEntry("riskAssessment", "RSK-0000000001");
  }

  @Test
  void anOverrideNeedsAReasonAndAnotherRisk() {
    Incident incident = breach(RiskLevel.LOW);
    RiskAssessment low = assessed("RSK-0000000001", customerListMisSent(), RESPONDER);
    assertThatThrownBy(
            () -> RiskRules.decided(incident, low, true, RiskLevel.HIGH, " ", DPO, at(2)))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("reason"));
    assertThatThrownBy(
            () -> RiskRules.decided(incident, low, true, RiskLevel.LOW, "same", DPO, at(2)))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.code()).isEqualTo("NOT_AN_OVERRIDE"));
    RiskRules.Decided decided =
        RiskRules.decided(
            incident, low, true, RiskLevel.HIGH, "the recipient is a competitor", DPO, at(2));
    assertThat(decided.outcome().incident().triage().initialRisk()).isEqualTo(RiskLevel.HIGH);
    assertThat(decided.outcome().incident().riskAcceptance().overridden()).isTrue();
    assertThat(decided.outcome().change().type()).isEqualTo(ChangeType.RISK_ASSESSMENT_OVERRIDDEN);
    assertThat(decided.outcome().change().after())
        .containsEntry("reason", "the recipient is a competitor");
  }

  @Test
  void onlyLegalOrTheDpoDecide() {
    RiskAssessment assessment = assessed("RSK-0000000001", healthDataLeaked(), LEGAL);
    assertThatThrownBy(
            () ->
                RiskRules.decided(
                    breach(RiskLevel.LOW), assessment, true, null, null, RESPONDER, at(2)))
        .isInstanceOf(Forbidden.class);
  }

  @Test
  void loweringAHighRiskNeedsSomeoneElseThanTheAssessor() {
    Incident high = breach(RiskLevel.HIGH);
    RiskAssessment byDpo = assessed("RSK-0000000001", customerListMisSent(), DPO);
    assertThatThrownBy(() -> RiskRules.decided(high, byDpo, true, null, null, DPO, at(2)))
        .isInstanceOfSatisfying(
            Conflict.class, e -> assertThat(e.code()).isEqualTo("SELF_APPROVAL"));
    RiskRules.Decided byLegal = RiskRules.decided(high, byDpo, true, null, null, LEGAL, at(2));
    assertThat(byLegal.outcome().incident().triage().initialRisk()).isEqualTo(RiskLevel.LOW);
    // The Art. 34 clock's start stays where the risk was first found high.
    assertThat(byLegal.outcome().incident().triage().highRiskFoundAt()).isEqualTo(T0);
    // Raising it needs no second person.
    RiskAssessment raise = assessed("RSK-0000000002", healthDataLeaked(), DPO);
    assertThat(
            RiskRules.decided(breach(RiskLevel.LOW), raise, true, null, null, DPO, at(2))
                .outcome()
                .incident()
                .triage()
                .initialRisk())
        .isEqualTo(RiskLevel.HIGH);
  }

  @Test
  void onlyTheNewestUndecidedAssessmentIsDecidedOn() {
    Incident incident = breach(RiskLevel.LOW);
    RiskAssessment older = assessed("RSK-0000000001", healthDataLeaked(), RESPONDER);
    assertThatThrownBy(() -> RiskRules.decided(incident, older, false, null, null, DPO, at(2)))
        .isInstanceOfSatisfying(
            Conflict.class, e -> assertThat(e.code()).isEqualTo("RISK_ASSESSMENT_SUPERSEDED"));
    RiskAssessment decided =
        RiskRules.decided(incident, older, true, null, null, DPO, at(2)).assessment();
    assertThatThrownBy(() -> RiskRules.decided(incident, decided, true, null, null, DPO, at(3)))
        .isInstanceOfSatisfying(
            Conflict.class, e -> assertThat(e.code()).isEqualTo("RISK_ASSESSMENT_DECIDED"));
  }

  @Test
  void aClosedIncidentOrOneWithoutTriageTakesNoDecision() {
    RiskAssessment assessment = assessed("RSK-0000000001", healthDataLeaked(), RESPONDER);
    assertThatThrownBy(
            () -> RiskRules.decided(Fixtures.opened(), assessment, true, null, null, DPO, at(2)))
        .isInstanceOfSatisfying(
            Conflict.class, e -> assertThat(e.code()).isEqualTo("TRIAGE_MISSING"));
  }
}
