package org.meldekette.domain.risk;

import java.time.Instant;
import java.util.Objects;
import org.meldekette.domain.InvalidInput;
import org.meldekette.domain.RiskLevel;
import org.meldekette.domain.Role;
import org.meldekette.domain.Text;

/**
 * One assessment of the risk to the data subjects by the method, kept for good: a reassessment as
 * the facts change is a new one, and the earlier ones stay with what was decided on them.
 *
 * @param sequence the incident's version the assessment was recorded with: orders the assessments
 *     of an incident even when two share a time
 * @param verdict what LEGAL or the DPO decided on it; null while it is only a suggestion
 */
public record RiskAssessment(
    String id,
    long sequence,
    RiskInput input,
    RiskScore score,
    RiskAdvice advice,
    String assessedBy,
    Role assessedAs,
    Instant assessedAt,
    Verdict verdict) {

  public static final int MAX_REASON_LENGTH = 5_000;

  public RiskAssessment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(advice, "advice");
    Objects.requireNonNull(assessedBy, "assessedBy");
    Objects.requireNonNull(assessedAt, "assessedAt");
  }

  /** Scores {@code input} with {@code method}: a new suggestion, not yet decided. */
  public static RiskAssessment made(
      String id,
      long sequence,
      RiskInput input,
      RiskMethod method,
      boolean actingAsProcessor,
      String assessedBy,
      Role assessedAs,
      Instant at) {
    RiskScore score = method.score(input);
    return new RiskAssessment(
        id,
        sequence,
        input,
        score,
        RiskAdvice.of(score, input, actingAsProcessor),
        assessedBy,
        assessedAs,
        at,
        null);
  }

  public boolean decided() {
    return verdict != null;
  }

  public RiskAssessment withVerdict(Verdict decided) {
    return new RiskAssessment(
        id, sequence, input, score, advice, assessedBy, assessedAs, assessedAt, decided);
  }

  /** Accept the suggested risk, or override it with another. */
  public enum Decision {
    ACCEPT,
    OVERRIDE
  }

  /**
   * LEGAL's or the DPO's decision on a suggestion.
   *
   * @param risk the risk decided: the suggested one when accepted
   * @param reason why; required for an override
   */
  public record Verdict(
      Decision decision,
      RiskLevel risk,
      String reason,
      String decidedBy,
      Role signedAs,
      Instant decidedAt) {
    public Verdict {
      if (decision == null) {
        throw new InvalidInput("decision", "REQUIRED", "decision (ACCEPT or OVERRIDE) is required");
      }
      reason =
          decision == Decision.OVERRIDE
              ? Text.required("reason", reason, MAX_REASON_LENGTH, true)
              : Text.optional("reason", reason, MAX_REASON_LENGTH, true);
      Objects.requireNonNull(decidedBy, "decidedBy");
      Objects.requireNonNull(decidedAt, "decidedAt");
    }
  }
}
