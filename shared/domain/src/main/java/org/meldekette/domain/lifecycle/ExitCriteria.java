package org.meldekette.domain.lifecycle;

import java.util.ArrayList;
import java.util.List;
import org.meldekette.domain.Audience;
import org.meldekette.domain.Conflict;
import org.meldekette.domain.DecisionType;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentRecords;
import org.meldekette.domain.MeasureType;
import org.meldekette.domain.Phase;
import org.meldekette.domain.Triage;
import org.meldekette.domain.deadline.Deadline;

/**
 * What must hold before an incident leaves a phase, as the incident and breach policy sets it.
 * Leaving recovery closes the incident: that phase's criteria are {@link ClosureRequirements}.
 */
public final class ExitCriteria {
  private ExitCriteria() {}

  /** The criteria of {@code phase} that do not hold; empty when the incident may leave it. */
  /**
   * @param clocks the incident's clocks as they stand (closing waits for those it requires)
   */
  public static List<Conflict.Unmet> unmet(
      Phase phase, Incident incident, IncidentRecords records, List<Deadline> clocks) {
    List<Conflict.Unmet> unmet = new ArrayList<>();
    switch (phase) {
      case DETECTION_TRIAGE -> triage(incident.triage(), unmet);
      case CONTAINMENT -> containment(records, unmet);
      case FORENSICS -> forensics(incident, records, unmet);
      case LEGAL_ASSESSMENT -> legalAssessment(incident, records, unmet);
      case RECOVERY_CLOSURE -> unmet.addAll(ClosureRequirements.unmet(incident, records, clocks));
      case CLOSED -> unmet.add(new Conflict.Unmet("INCIDENT_CLOSED", "the incident is closed"));
    }
    return unmet;
  }

  private static void triage(Triage triage, List<Conflict.Unmet> unmet) {
    if (triage == null) {
      unmet.add(new Conflict.Unmet("TRIAGE_MISSING", "no triage has been recorded"));
      return;
    }
    require(
        triage.classification() != null,
        "CLASSIFICATION_MISSING",
        "classification (INCIDENT or BREACH)",
        unmet);
    require(triage.severity() != null, "SEVERITY_MISSING", "severity (P1 to P4)", unmet);
    require(
        triage.cia().isComplete(),
        "CIA_IMPACT_MISSING",
        "impact on confidentiality, integrity and availability",
        unmet);
    require(
        !triage.affectedSystems().isEmpty(), "AFFECTED_SYSTEMS_MISSING", "affected systems", unmet);
    require(
        !triage.dataDomains().isEmpty(), "DATA_DOMAINS_MISSING", "affected data domains", unmet);
    require(triage.initialRisk() != null, "INITIAL_RISK_MISSING", "initial risk", unmet);
    if (triage.isBreach()) {
      require(
          !triage.dataCategories().isEmpty(),
          "DATA_CATEGORIES_MISSING",
          "categories of personal data",
          unmet);
      require(
          triage.estimatedDataSubjects() != null,
          "DATA_SUBJECTS_ESTIMATE_MISSING",
          "estimated number of data subjects",
          unmet);
      require(
          triage.estimatedRecords() != null,
          "RECORDS_ESTIMATE_MISSING",
          "estimated number of records",
          unmet);
      require(triage.awarenessAt() != null, "AWARENESS_TIME_MISSING", "time of awareness", unmet);
    }
  }

  private static void containment(IncidentRecords records, List<Conflict.Unmet> unmet) {
    boolean checked =
        records.measures().stream()
            .anyMatch(m -> m.type() == MeasureType.CONTAINMENT && m.effectiveness() != null);
    require(
        checked,
        "CONTAINMENT_MEASURE_MISSING",
        "at least one containment measure with its effectiveness recorded",
        unmet);
  }

  private static void forensics(
      Incident incident, IncidentRecords records, List<Conflict.Unmet> unmet) {
    require(
        records.evidenceCount() > 0 || incident.noEvidenceJustification() != null,
        "EVIDENCE_MISSING",
        "at least one evidence record, or a justified statement that none exists",
        unmet);
  }

  private static void legalAssessment(
      Incident incident, IncidentRecords records, List<Conflict.Unmet> unmet) {
    Triage triage = incident.triage();
    if (triage == null || triage.classification() == null) {
      unmet.add(
          new Conflict.Unmet("CLASSIFICATION_MISSING", "classification (INCIDENT or BREACH)"));
      return;
    }
    if (triage.isBreach() && incident.processing().actingAsProcessor()) {
      require(
          records.communicated(Audience.CONTROLLER, null),
          "CONTROLLER_NOT_NOTIFIED",
          "as the processor: the controller notified without undue delay (Art. 33(2))",
          unmet);
    } else if (triage.isBreach()) {
      require(
          records.hasEffectiveDecision(DecisionType.Article.ART_33),
          "ART_33_DECISION_MISSING",
          "the Art. 33 decision: notify the supervisory authority or not, with reasoning",
          unmet);
      if (triage.isHighRisk()) {
        require(
            records.hasEffectiveDecision(DecisionType.Article.ART_34),
            "ART_34_DECISION_MISSING",
            "the Art. 34 decision on informing the data subjects (the risk is high)",
            unmet);
      }
    } else {
      require(
          records.hasEffectiveDecision(DecisionType.NO_PERSONAL_DATA_AFFECTED),
          "NO_PERSONAL_DATA_DECISION_MISSING",
          "the decision that no personal data is affected",
          unmet);
    }
  }

  static void require(boolean holds, String code, String what, List<Conflict.Unmet> unmet) {
    if (!holds) {
      unmet.add(new Conflict.Unmet(code, what));
    }
  }
}
