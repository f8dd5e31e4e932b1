package org.meldekette.domain.lifecycle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.meldekette.domain.Actor;
import org.meldekette.domain.Change;
import org.meldekette.domain.ChangeType;
import org.meldekette.domain.Conflict;
import org.meldekette.domain.Forbidden;
import org.meldekette.domain.Incident;
import org.meldekette.domain.InvalidInput;
import org.meldekette.domain.RiskLevel;
import org.meldekette.domain.Role;
import org.meldekette.domain.Triage;
import org.meldekette.domain.TriageView;
import org.meldekette.domain.risk.RiskAcceptance;
import org.meldekette.domain.risk.RiskAssessment;

/**
 * The risk to the data subjects assessed by a method: anyone on the team may record an assessment,
 * which only suggests; LEGAL or the DPO accept the suggestion or override it with a reason, and
 * only then does the risk the clocks use change. Lowering a high risk that way needs a second
 * person: who made the assessment cannot be the one who decides on it.
 */
public final class RiskRules {
  private RiskRules() {}

  /** The outcome of a decision: the incident's change and the assessment with its verdict. */
  public record Decided(RiskAssessment assessment, Outcome outcome) {}

  public static Outcome recorded(
      Incident incident, RiskAssessment assessment, Actor actor, Instant now) {
    Guards.notClosed(incident);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("riskAssessment", assessment.id());
    after.put("method", assessment.score().method());
    after.put("severity", assessment.score().severityText());
    after.put("band", assessment.score().band().name());
    after.put("suggestedRisk", assessment.advice().risk().name());
    after.put("obligations", assessment.advice().obligations().stream().map(Enum::name).toList());
    return new Outcome(
        incident.touched(now),
        new Change(
            ChangeType.RISK_ASSESSMENT_RECORDED,
            actor,
            now,
            incident.id(),
            "Risk assessed ("
                + assessment.id()
                + "): severity "
                + assessment.score().severityText()
                + ", "
                + assessment.score().band()
                + ", suggests "
                + assessment.advice().risk()
                + " risk",
            null,
            after));
  }

  /**
   * LEGAL or the DPO decide on the newest assessment: accepting sets the suggested risk, overriding
   * sets another with a reason.
   *
   * @param newest whether {@code assessment} is the incident's newest (an older one is refused)
   * @param override the risk decided instead of the suggestion; null to accept it
   */
  public static Decided decided(
      Incident incident,
      RiskAssessment assessment,
      boolean newest,
      RiskLevel override,
      String reason,
      Actor actor,
      Instant now) {
    Guards.notClosed(incident);
    if (!actor.role().equals(Role.LEGAL.name()) && !actor.role().equals(Role.DPO.name())) {
      throw new Forbidden("deciding on a risk assessment by the LEGAL or DPO role");
    }
    Role role = Role.valueOf(actor.role());
    if (assessment.decided()) {
      throw new Conflict(
          "RISK_ASSESSMENT_DECIDED",
          "risk assessment " + assessment.id() + " was already decided on");
    }
    if (!newest) {
      throw new Conflict(
          "RISK_ASSESSMENT_SUPERSEDED",
          "a newer risk assessment was recorded since " + assessment.id() + ": decide on that one");
    }
    Triage triage = incident.triage();
    if (triage == null) {
      throw new Conflict("TRIAGE_MISSING", "record a triage before deciding on the risk");
    }
    RiskLevel suggested = assessment.advice().risk();
    if (override == suggested) {
      throw new InvalidInput(
          "risk",
          "NOT_AN_OVERRIDE",
          "the assessment already suggests " + suggested + ": accept it instead");
    }
    RiskAssessment.Decision decision =
        override == null ? RiskAssessment.Decision.ACCEPT : RiskAssessment.Decision.OVERRIDE;
    RiskLevel risk = override == null ? suggested : override;
    if (triage.isHighRisk() && risk != RiskLevel.HIGH) {
      Guards.fourEyes(assessment.assessedBy(), actor, "a risk assessment that lowers a high risk");
    }
    RiskAssessment withVerdict =
        assessment.withVerdict(
            new RiskAssessment.Verdict(decision, risk, reason, actor.id(), role, now));
    RiskAcceptance accepted = RiskAcceptance.of(withVerdict);
    Triage next = Triage.record(triage, triage.withRisk(risk), now);
    Diff diff = Diff.of(TriageView.of(triage), TriageView.of(next));
    Map<String, Object> after = new LinkedHashMap<>(diff.after());
    after.put("riskAssessment", assessment.id());
    after.put("method", assessment.score().method());
    after.put("severity", assessment.score().severityText());
    after.put("band", assessment.score().band().name());
    after.put("decision", decision.name());
    if (withVerdict.verdict().reason() != null) {
      after.put("reason", withVerdict.verdict().reason());
    }
    boolean overridden = decision == RiskAssessment.Decision.OVERRIDE;
    Change change =
        new Change(
            overridden
                ? ChangeType.RISK_ASSESSMENT_OVERRIDDEN
                : ChangeType.RISK_ASSESSMENT_ACCEPTED,
            actor,
            now,
            incident.id(),
            (overridden ? "Risk assessment overridden (" : "Risk assessment accepted (")
                + assessment.id()
                + "): risk "
                + risk,
            diff.before(),
            after);
    return new Decided(
        withVerdict, new Outcome(incident.withRiskAccepted(next, accepted, now), change));
  }
}
