package org.meldekette.domain;

import java.time.Instant;
import java.util.Objects;
import org.meldekette.domain.risk.RiskAcceptance;

/**
 * An entry of the decision log: append-only. A correction is a new decision that names the one it
 * corrects; the corrected one stays in the log.
 *
 * @param signedAs the role under which the responsible person signed: LEGAL or DPO
 * @param corrects the ID of the decision this one corrects, or null
 * @param delayReasons for an authority notification decided after its deadline: the reasons (Art.
 *     33(1))
 * @param exception for not informing the data subjects: the Art. 34(3) exception it rests on
 * @param restsOn the risk assessment an Art. 33 or Art. 34 decision rests on: the one accepted when
 *     it was logged, or null
 */
public record Decision(
    String id,
    DecisionType type,
    String reasoning,
    String responsible,
    Role signedAs,
    Instant decidedAt,
    String corrects,
    String delayReasons,
    Art34Exception exception,
    String restsOn) {

  public static final int MAX_REASONING_LENGTH = 20_000;

  /** A decision resting on no risk assessment (yet): {@link #restingOn} links it when logged. */
  public Decision(
      String id,
      DecisionType type,
      String reasoning,
      String responsible,
      Role signedAs,
      Instant decidedAt,
      String corrects,
      String delayReasons,
      Art34Exception exception) {
    this(
        id,
        type,
        reasoning,
        responsible,
        signedAs,
        decidedAt,
        corrects,
        delayReasons,
        exception,
        null);
  }

  public Decision {
    Objects.requireNonNull(id, "id");
    if (type == null) {
      throw new InvalidInput("type", "REQUIRED", "type is required");
    }
    reasoning = Text.required("reasoning", reasoning, MAX_REASONING_LENGTH, true);
    delayReasons = Text.optional("delayReasons", delayReasons, MAX_REASONING_LENGTH, true);
    Objects.requireNonNull(responsible, "responsible");
    if (signedAs != Role.LEGAL && signedAs != Role.DPO) {
      throw new IllegalArgumentException("decisions are signed by LEGAL or DPO, not " + signedAs);
    }
    Objects.requireNonNull(decidedAt, "decidedAt");
    if (exception != null && type != DecisionType.NO_DATA_SUBJECT_NOTIFICATION) {
      throw new InvalidInput(
          "exception",
          "NOT_APPLICABLE",
          "an Art. 34(3) exception belongs to a decision not to inform the data subjects");
    }
  }

  /**
   * This decision linked to the risk assessment accepted for the incident, when it answers Art. 33
   * or Art. 34 (whose thresholds are that risk).
   */
  public Decision restingOn(RiskAcceptance accepted) {
    boolean onRisk =
        type.article() == DecisionType.Article.ART_33
            || type.article() == DecisionType.Article.ART_33_4
            || type.article() == DecisionType.Article.ART_34;
    return new Decision(
        id,
        type,
        reasoning,
        responsible,
        signedAs,
        decidedAt,
        corrects,
        delayReasons,
        exception,
        accepted != null && onRisk ? accepted.assessmentId() : null);
  }

  /**
   * The audience whose communication is what this decision commits to (a public communication
   * instead of informing each data subject, Art. 34(3)(c)), or null when the decision itself is the
   * outcome.
   */
  public Audience communicationInstead() {
    return exception == null ? null : exception.communicationInstead();
  }
}
