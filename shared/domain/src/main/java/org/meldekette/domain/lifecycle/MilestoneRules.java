package org.meldekette.domain.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.Actor;
import org.meldekette.domain.Change;
import org.meldekette.domain.ChangeType;
import org.meldekette.domain.Communication;
import org.meldekette.domain.Conflict;
import org.meldekette.domain.Incident;
import org.meldekette.domain.InvalidInput;
import org.meldekette.domain.Milestones;
import org.meldekette.domain.Phase;
import org.meldekette.domain.RegimeTrigger;

/**
 * Milestones and regimes: the recorded moments that start or meet clocks beside the phases — the
 * escalation acknowledged, regular operation restored, the final report issued, a sector regime
 * (NIS2, DORA) found to apply and the reports its authority asks for.
 */
public final class MilestoneRules {
  private MilestoneRules() {}

  /**
   * The security and privacy role acknowledges the escalation (meets the internal escalation
   * target).
   */
  public static Outcome acknowledgeEscalation(Incident incident, Actor actor, Instant now) {
    if (incident.milestones().escalationAcknowledgedAt() != null) {
      throw new Conflict(
          "ALREADY_ACKNOWLEDGED",
          "the escalation was acknowledged at "
              + incident.milestones().escalationAcknowledgedAt()
              + " by "
              + incident.milestones().escalationAcknowledgedBy());
    }
    return new Outcome(
        incident.withMilestones(incident.milestones().acknowledged(now, actor.id()), now),
        new Change(
            ChangeType.ESCALATION_ACKNOWLEDGED,
            actor,
            now,
            incident.id(),
            "Escalation acknowledged by " + actor.role(),
            null,
            Map.of("acknowledgedAt", now.toString())));
  }

  /**
   * The final report of a closed incident is issued: one per closure (a reopened incident closed
   * again owes a new one), and only with its root cause and lessons learned (the improvement taken
   * into the ISMS) recorded.
   *
   * @param sha256 the hash of the report as issued, which is frozen with it
   */
  public static Outcome finalReportIssued(
      Incident incident, String sha256, Actor actor, Instant now) {
    if (!incident.isClosed()) {
      throw new Conflict("INCIDENT_NOT_CLOSED", "the final report follows the closure");
    }
    Instant issued = incident.milestones().finalReportIssuedAt();
    if (issued != null && !issued.isBefore(incident.closedAt())) {
      throw new Conflict(
          "ALREADY_ISSUED", "the final report of this closure was issued at " + issued);
    }
    List<Conflict.Unmet> missing = new ArrayList<>();
    if (incident.assessment().rootCause() == null) {
      missing.add(
          new Conflict.Unmet("ROOT_CAUSE_MISSING", "the root cause (assessment.rootCause)"));
    }
    if (incident.assessment().lessonsLearned() == null) {
      missing.add(
          new Conflict.Unmet(
              "LESSONS_LEARNED_MISSING",
              "the lessons learned: the improvement taken into the ISMS (assessment.lessonsLearned)"));
    }
    if (!missing.isEmpty()) {
      throw new Conflict(
          "FINAL_REPORT_INCOMPLETE", "the final report lacks required items", missing);
    }
    Milestones reached = incident.milestones().finalReportIssued(now);
    return new Outcome(
        incident.withMilestones(reached, now),
        new Change(
            ChangeType.FINAL_REPORT_ISSUED,
            actor,
            now,
            incident.id(),
            "Final report issued (version " + reached.finalReportVersion() + ")",
            null,
            Map.of(
                "issuedAt", now.toString(),
                "version", reached.finalReportVersion(),
                "sha256", sha256)));
  }

  /** Regular operation was restored (phase 5): a milestone with its time, required to close. */
  public static Outcome operationRestored(
      Incident incident, Instant restoredAt, Actor actor, Instant now) {
    if (incident.phase() != Phase.RECOVERY_CLOSURE) {
      throw new Conflict(
          "NOT_IN_RECOVERY", "restoring regular operation is recorded in recovery and closure");
    }
    if (restoredAt == null) {
      throw new InvalidInput(
          "restoredAt", "REQUIRED", "restoredAt (when operation was restored) is required");
    }
    if (restoredAt.isAfter(now.plus(Communication.TIME_TOLERANCE))) {
      throw new InvalidInput("restoredAt", "IN_FUTURE", "restoredAt lies in the future");
    }
    if (restoredAt.isBefore(incident.detectedAt())) {
      throw new InvalidInput(
          "restoredAt", "BEFORE_DETECTION", "restoredAt lies before the incident was detected");
    }
    Map<String, Object> before = new LinkedHashMap<>();
    if (incident.milestones().operationRestoredAt() != null) {
      before.put("operationRestoredAt", incident.milestones().operationRestoredAt().toString());
    }
    return new Outcome(
        incident.withMilestones(
            incident.milestones().operationRestored(restoredAt, actor.id()), now),
        new Change(
            ChangeType.OPERATION_RESTORED,
            actor,
            now,
            incident.id(),
            "Regular operation restored at " + restoredAt,
            before,
            Map.of("operationRestoredAt", restoredAt.toString())));
  }

  /**
   * A sector regime found to apply (NIS2: marked significant; DORA: classified as major), which
   * starts its clocks; marking it again records a corrected time, and its clocks move.
   */
  public static Outcome regimeTriggered(
      Incident incident, String regime, RegimeTrigger trigger, Actor actor, Instant now) {
    Guards.notClosed(incident);
    if (trigger.triggeredAt().isAfter(now)) {
      throw new InvalidInput("triggeredAt", "IN_FUTURE", "triggeredAt lies in the future");
    }
    RegimeTrigger previous = incident.regimes().get(regime);
    RegimeTrigger kept =
        previous == null
            ? trigger
            : new RegimeTrigger(
                trigger.triggeredAt(),
                trigger.awareAt(),
                trigger.by(),
                trigger.justification(),
                previous.requests());
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("regime", regime);
    after.put("triggeredAt", kept.triggeredAt().toString());
    after.put("awareAt", kept.awareAt().toString());
    Map<String, Object> before =
        previous == null
            ? null
            : Map.of(
                "triggeredAt",
                previous.triggeredAt().toString(),
                "awareAt",
                previous.awareAt().toString());
    return new Outcome(
        incident.withRegime(regime, kept, now),
        new Change(
            ChangeType.REGIME_TRIGGERED,
            actor,
            now,
            incident.id(),
            regime + " applies (from " + kept.triggeredAt() + ")",
            before,
            after));
  }

  /** The authority asked for a report (such as NIS2's intermediate report), due when it says. */
  public static Outcome regimeReportRequested(
      Incident incident, String regime, String stage, Instant due, Actor actor, Instant now) {
    RegimeTrigger trigger = incident.regimes().get(regime);
    if (trigger == null) {
      throw new Conflict("REGIME_NOT_TRIGGERED", regime + " does not apply to this incident yet");
    }
    if (due == null) {
      throw new InvalidInput(
          "dueAt", "REQUIRED", "dueAt (when the requested report is due) is required");
    }
    return new Outcome(
        incident.withRegime(regime, trigger.withRequest(stage, due), now),
        new Change(
            ChangeType.REGIME_REPORT_REQUESTED,
            actor,
            now,
            incident.id(),
            regime + " requested " + stage + " by " + due,
            null,
            Map.of("regime", regime, "stage", stage, "dueAt", due.toString())));
  }
}
