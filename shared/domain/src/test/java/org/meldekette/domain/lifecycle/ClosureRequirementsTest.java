package org.meldekette.domain.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meldekette.domain.lifecycle.Fixtures.at;
import static org.meldekette.domain.lifecycle.Fixtures.codes;
import static org.meldekette.domain.lifecycle.Fixtures.decision;
import static org.meldekette.domain.lifecycle.Fixtures.measure;
import static org.meldekette.domain.lifecycle.Fixtures.sent;
import static org.meldekette.domain.lifecycle.Fixtures.triaged;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.meldekette.domain.Audience;
import org.meldekette.domain.Classification;
import org.meldekette.domain.DecisionType;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentRecords;
import org.meldekette.domain.MeasureType;
import org.meldekette.domain.Phase;
import org.meldekette.domain.RetentionExtension;
import org.meldekette.domain.RiskLevel;

/** What closing an incident, and a breach, requires: stated in one place. */
class ClosureRequirementsTest {
  private static final List<org.meldekette.domain.Measure> MEASURES =
      List.of(
          measure("MSR-0000000001", MeasureType.CORRECTIVE, false),
          measure("MSR-0000000002", MeasureType.PREVENTIVE, false));

  private static Incident restored(Classification classification) {
    Incident recovering =
        triaged(classification, RiskLevel.LOW, at(1))
            .inPhase(Phase.RECOVERY_CLOSURE, null, null, at(10));
    return MilestoneRules.operationRestored(recovering, at(9), Fixtures.RESPONDER, at(10))
        .incident();
  }

  @Test
  void anIncidentWithNothingRecordedLacksRestorationAndMeasures() {
    Incident recovering =
        triaged(Classification.INCIDENT, RiskLevel.LOW, at(1))
            .inPhase(Phase.RECOVERY_CLOSURE, null, null, at(10));

    assertThat(codes(ClosureRequirements.unmet(recovering, IncidentRecords.NONE, List.of())))
        .containsExactly(
            "OPERATION_NOT_RESTORED", "CORRECTIVE_MEASURE_MISSING", "PREVENTIVE_MEASURE_MISSING");
  }

  @Test
  void anIncidentRestoredWithCorrectiveAndPreventiveMeasuresMayClose() {
    IncidentRecords records = new IncidentRecords(MEASURES, 0, List.of(), List.of(), List.of());
    assertThat(ClosureRequirements.unmet(restored(Classification.INCIDENT), records, List.of()))
        .isEmpty();
  }

  @Test
  void aBreachNeedsItsArt33DecisionAndTheNotificationItPromised() {
    Incident breach = restored(Classification.BREACH);
    IncidentRecords withoutDecision =
        new IncidentRecords(MEASURES, 0, List.of(), List.of(), List.of());
    assertThat(codes(ClosureRequirements.unmet(breach, withoutDecision, List.of())))
        .containsExactly("ART_33_DECISION_MISSING");

    IncidentRecords decided =
        new IncidentRecords(
            MEASURES,
            0,
            List.of(decision("DEC-0000000001", DecisionType.NOTIFY_AUTHORITY, at(5))),
            List.of(),
            List.of());
    assertThat(codes(ClosureRequirements.unmet(breach, decided, List.of())))
        .containsExactly("NOTIFICATION_NOT_SENT");

    IncidentRecords sentToo =
        new IncidentRecords(
            MEASURES,
            0,
            decided.decisions(),
            List.of(),
            List.of(sent("COM-0000000001", Audience.SUPERVISORY_AUTHORITY, at(6))));
    assertThat(ClosureRequirements.unmet(breach, sentToo, List.of())).isEmpty();
  }

  @Test
  void measuresNeedOwnersAndDueDatesAndRetentionExtensionsMustBeDecided() {
    org.meldekette.domain.Measure ownerless =
        new org.meldekette.domain.Measure(
            "MSR-0000000003",
            MeasureType.CORRECTIVE,
            null,
            "patch",
            null,
            null,
            org.meldekette.domain.MeasureStatus.PLANNED,
            null,
            "r@x.test",
            at(1),
            null);
    RetentionExtension open =
        new RetentionExtension(
            "RET-0000000001",
            "access logs",
            at(1000),
            "kept for the investigation",
            RetentionExtension.Status.ACTIVE,
            "legal@x.test",
            at(2),
            "kept for the investigation");
    IncidentRecords records =
        new IncidentRecords(
            List.of(MEASURES.get(0), MEASURES.get(1), ownerless),
            0,
            List.of(),
            List.of(open),
            List.of());

    assertThat(
            codes(ClosureRequirements.unmet(restored(Classification.INCIDENT), records, List.of())))
        .containsExactly("MEASURE_OWNER_OR_DUE_DATE_MISSING", "RETENTION_EXTENSION_OPEN");
  }

  @Test
  void leavingRecoveryIsClosingExitCriteriaAskNothingElse() {
    Incident breach = restored(Classification.BREACH);
    assertThat(ExitCriteria.unmet(Phase.RECOVERY_CLOSURE, breach, IncidentRecords.NONE, List.of()))
        .isEqualTo(ClosureRequirements.unmet(breach, IncidentRecords.NONE, List.of()));
  }
}
