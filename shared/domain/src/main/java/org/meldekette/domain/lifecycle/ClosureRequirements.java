package org.meldekette.domain.lifecycle;

import java.util.ArrayList;
import java.util.List;
import org.meldekette.domain.Audience;
import org.meldekette.domain.Communication;
import org.meldekette.domain.Conflict;
import org.meldekette.domain.Decision;
import org.meldekette.domain.DecisionType;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentRecords;
import org.meldekette.domain.Measure;
import org.meldekette.domain.MeasureStatus;
import org.meldekette.domain.MeasureType;
import org.meldekette.domain.RetentionExtension;
import org.meldekette.domain.deadline.AtClosure;
import org.meldekette.domain.deadline.Deadline;

/**
 * What closing an incident requires, and so what closing a breach requires: regular operation
 * restored; for a breach (even one reclassified since) its Art. 33 decision; every communication a
 * decision in force promises recorded as sent; corrective and preventive measures with owners and
 * due dates; no retention extension left open; every clock closing requires ({@link
 * AtClosure#REQUIRED}: the notifications GDPR, NIS2 and DORA ask for, the first answer to a
 * reporter) met. The clocks closing settles as missed instead ({@link AtClosure#MISSED}) need the
 * closer's reason ({@link #missedOnClosing}).
 */
public final class ClosureRequirements {
  private ClosureRequirements() {}

  /**
   * What closing {@code incident} still lacks; empty when it may close. Every closure goes through
   * here: a step forward out of recovery and an approved skip to CLOSED alike.
   */
  public static List<Conflict.Unmet> unmet(
      Incident incident, IncidentRecords records, List<Deadline> clocks) {
    List<Conflict.Unmet> unmet = new ArrayList<>();
    for (Deadline clock : clocks) {
      if (clock.isOpen() && clock.stage().atClosure() == AtClosure.REQUIRED) {
        unmet.add(
            new Conflict.Unmet(
                "CLOCK_OPEN", clock.label() + ": to be met before the incident closes"));
      }
    }
    ExitCriteria.require(
        incident.milestones().operationRestoredAt() != null,
        "OPERATION_NOT_RESTORED",
        "the time regular operation was restored",
        unmet);
    boolean controller = !incident.processing().actingAsProcessor();
    if (controller && incident.milestones().breachAssessedAt() != null) {
      ExitCriteria.require(
          records.hasEffectiveDecision(DecisionType.Article.ART_33),
          "ART_33_DECISION_MISSING",
          "the Art. 33 decision of a breach that was assessed as one, even if reclassified since",
          unmet);
    }
    for (Decision decision : records.effectiveDecisions()) {
      Audience promised = promisedAudience(decision);
      if (promised != null && !records.communicated(promised, promisedKind(decision))) {
        unmet.add(
            new Conflict.Unmet(
                "NOTIFICATION_NOT_SENT",
                "decision "
                    + decision.id()
                    + " ("
                    + decision.type()
                    + ") needs its communication to "
                    + promised
                    + " recorded"));
      }
    }
    List<Measure> live =
        records.measures().stream().filter(m -> m.status() != MeasureStatus.CANCELLED).toList();
    ExitCriteria.require(
        live.stream().anyMatch(m -> m.type() == MeasureType.CORRECTIVE),
        "CORRECTIVE_MEASURE_MISSING",
        "at least one corrective measure",
        unmet);
    ExitCriteria.require(
        live.stream().anyMatch(m -> m.type() == MeasureType.PREVENTIVE),
        "PREVENTIVE_MEASURE_MISSING",
        "at least one preventive measure",
        unmet);
    for (Measure measure : live) {
      if (measure.type() != MeasureType.CONTAINMENT && !measure.hasOwnerAndDueDate()) {
        unmet.add(
            new Conflict.Unmet(
                "MEASURE_OWNER_OR_DUE_DATE_MISSING",
                "measure " + measure.id() + " needs an owner and a due date"));
      }
    }
    for (RetentionExtension extension : records.retentionExtensions()) {
      if (extension.blocksClosure()) {
        unmet.add(
            new Conflict.Unmet(
                "RETENTION_EXTENSION_OPEN",
                "retention extension "
                    + extension.id()
                    + " must be lifted or renewed with a justification"));
      }
    }
    return unmet;
  }

  /**
   * The clocks closing now would settle as missed: open, and neither required by closing nor meant
   * to outlive it (such as the escalation never acknowledged). Closing names them with a reason.
   */
  public static List<Deadline> missedOnClosing(List<Deadline> clocks) {
    return clocks.stream()
        .filter(c -> c.isOpen() && c.stage().atClosure() == AtClosure.MISSED)
        .toList();
  }

  /** The audience a decision in force promises a communication to, or null. */
  private static Audience promisedAudience(Decision decision) {
    return switch (decision.type()) {
      case NOTIFY_AUTHORITY -> Audience.SUPERVISORY_AUTHORITY;
      case NOTIFY_DATA_SUBJECTS -> Audience.DATA_SUBJECTS;
      case NO_DATA_SUBJECT_NOTIFICATION -> decision.communicationInstead();
      default -> null;
    };
  }

  private static Communication.Notification promisedKind(Decision decision) {
    return decision.type() == DecisionType.NOTIFY_AUTHORITY
        ? Communication.Notification.INITIAL
        : null;
  }
}
