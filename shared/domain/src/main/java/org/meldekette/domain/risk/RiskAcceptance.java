package org.meldekette.domain.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.meldekette.domain.RiskLevel;
import org.meldekette.domain.Role;

/**
 * The assessment the incident's risk rests on, kept on the incident so the reports, the register
 * and the decision log name it without reading the assessments again.
 *
 * @param risk the risk LEGAL or the DPO decided (what the clocks use)
 * @param overridden whether they overrode the suggestion rather than accepting it
 * @param consequences the assessment's answer on the severity of the consequences: the likely
 *     consequences the notifications state when the case file has none of its own
 */
public record RiskAcceptance(
    String assessmentId,
    String method,
    BigDecimal severity,
    SeverityBand band,
    RiskLevel risk,
    boolean overridden,
    String reason,
    String decidedBy,
    Role signedAs,
    Instant decidedAt,
    String consequences) {

  public RiskAcceptance {
    Objects.requireNonNull(assessmentId, "assessmentId");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(band, "band");
    Objects.requireNonNull(risk, "risk");
  }

  public static RiskAcceptance of(RiskAssessment assessment) {
    RiskAssessment.Verdict v = assessment.verdict();
    return new RiskAcceptance(
        assessment.id(),
        assessment.score().method(),
        assessment.score().severity(),
        assessment.score().band(),
        v.risk(),
        v.decision() == RiskAssessment.Decision.OVERRIDE,
        v.reason(),
        v.decidedBy(),
        v.signedAs(),
        v.decidedAt(),
        assessment.input().factors().get(EdpbFactor.SEVERITY_OF_CONSEQUENCES));
  }

  /** One line for reports: method, score, band, decided risk and by whom. */
  public String summary() {
    return method
        + ": severity "
        + RiskScore.plain(severity)
        + " ("
        + band
        + "), risk "
        + risk
        + (overridden ? " (overridden: " + reason + ")" : "")
        + ", decided by "
        + decidedBy
        + " as "
        + signedAs;
  }
}
