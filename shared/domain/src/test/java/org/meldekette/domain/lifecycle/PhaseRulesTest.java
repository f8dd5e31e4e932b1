package org.meldekette.domain.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.meldekette.domain.lifecycle.Fixtures.RESPONDER;
import static org.meldekette.domain.lifecycle.Fixtures.SECOND_LINE;
import static org.meldekette.domain.lifecycle.Fixtures.at;
import static org.meldekette.domain.lifecycle.Fixtures.codes;
import static org.meldekette.domain.lifecycle.Fixtures.measure;
import static org.meldekette.domain.lifecycle.Fixtures.opened;
import static org.meldekette.domain.lifecycle.Fixtures.triaged;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.meldekette.domain.ChangeType;
import org.meldekette.domain.Classification;
import org.meldekette.domain.Conflict;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentRecords;
import org.meldekette.domain.InvalidInput;
import org.meldekette.domain.MeasureType;
import org.meldekette.domain.Phase;
import org.meldekette.domain.RiskLevel;
import org.meldekette.domain.SkipRequest;
import org.meldekette.domain.deadline.Deadline;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.deadline.DeadlineStatus;
import org.meldekette.domain.deadline.IncidentFacts;
import org.meldekette.domain.deadline.Regimes;

/** One phase at a time, skips with four eyes, back only by a justified reopen. */
class PhaseRulesTest {
  private static final IncidentRecords CONTAINED =
      new IncidentRecords(
          List.of(measure("MSR-0000000001", MeasureType.CONTAINMENT, true)),
          0,
          List.of(),
          List.of(),
          List.of());

  @Test
  void movesOnePhaseForwardWhenTheExitCriteriaHoldAndRecordsTheChange() {
    Incident triaged = triaged(Classification.INCIDENT, RiskLevel.LOW, at(1));

    Outcome moved =
        PhaseRules.advance(
            triaged,
            IncidentRecords.NONE,
            List.of(),
            Phase.CONTAINMENT,
            PhaseRules.Statements.NONE,
            RESPONDER,
            at(2));

    assertThat(moved.incident().phase()).isEqualTo(Phase.CONTAINMENT);
    assertThat(moved.change().type()).isEqualTo(ChangeType.PHASE_CHANGED);
    assertThat(moved.change().before()).containsEntry("phase", "DETECTION_TRIAGE");
    assertThat(moved.change().after()).containsEntry("phase", "CONTAINMENT");
  }

  @Test
  void refusesToLeaveAPhaseWhoseExitCriteriaAreUnmetAndNamesThem() {
    assertThatThrownBy(
            () ->
                PhaseRules.advance(
                    opened(),
                    IncidentRecords.NONE,
                    List.of(),
                    Phase.CONTAINMENT,
                    PhaseRules.Statements.NONE,
                    RESPONDER,
                    at(1)))
        .isInstanceOfSatisfying(
            Conflict.class,
            c -> {
              assertThat(c.code()).isEqualTo("EXIT_CRITERIA_UNMET");
              assertThat(codes(c)).containsExactly("TRIAGE_MISSING");
            });
  }

  @Test
  void refusesToJumpOrToGoBackWithoutTheSecondLine() {
    Incident triaged = triaged(Classification.INCIDENT, RiskLevel.LOW, at(1));
    assertThatThrownBy(
            () ->
                PhaseRules.advance(
                    triaged,
                    IncidentRecords.NONE,
                    List.of(),
                    Phase.FORENSICS,
                    PhaseRules.Statements.NONE,
                    RESPONDER,
                    at(2)))
        .isInstanceOfSatisfying(
            Conflict.class, c -> assertThat(c.code()).isEqualTo("SKIP_REQUIRES_APPROVAL"));
    Incident contained =
        PhaseRules.advance(
                triaged,
                IncidentRecords.NONE,
                List.of(),
                Phase.CONTAINMENT,
                PhaseRules.Statements.NONE,
                RESPONDER,
                at(2))
            .incident();
    assertThatThrownBy(
            () ->
                PhaseRules.advance(
                    contained,
                    CONTAINED,
                    List.of(),
                    Phase.DETECTION_TRIAGE,
                    PhaseRules.Statements.NONE,
                    RESPONDER,
                    at(3)))
        .isInstanceOfSatisfying(
            Conflict.class, c -> assertThat(c.code()).isEqualTo("BACKWARD_NOT_ALLOWED"));
  }

  @Test
  void aStatementThatNoEvidenceExistsBelongsToLeavingForensicsOnly() {
    Incident triaged = triaged(Classification.INCIDENT, RiskLevel.LOW, at(1));
    assertThatThrownBy(
            () ->
                PhaseRules.advance(
                    triaged,
                    IncidentRecords.NONE,
                    List.of(),
                    Phase.CONTAINMENT,
                    new PhaseRules.Statements("none", null),
                    RESPONDER,
                    at(2)))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.code()).isEqualTo("NOT_APPLICABLE"));
    Incident forensics = triaged.inPhase(Phase.FORENSICS, null, null, at(3));
    Outcome left =
        PhaseRules.advance(
            forensics,
            IncidentRecords.NONE,
            List.of(),
            Phase.LEGAL_ASSESSMENT,
            new PhaseRules.Statements("the logs had rotated", null),
            RESPONDER,
            at(4));
    assertThat(left.incident().noEvidenceJustification()).isEqualTo("the logs had rotated");
  }

  @Test
  void aSkipNeedsASecondPersonAndTheCurrentPhasesCriteria() {
    Incident triaged = triaged(Classification.INCIDENT, RiskLevel.LOW, at(1));
    SkipRequest request = skip(triaged, Phase.FORENSICS);

    assertThatThrownBy(
            () ->
                PhaseRules.approveSkip(
                    triaged, IncidentRecords.NONE, List.of(), request, RESPONDER, at(2)))
        .isInstanceOfSatisfying(
            Conflict.class, c -> assertThat(c.code()).isEqualTo("SELF_APPROVAL"));
    Outcome approved =
        PhaseRules.approveSkip(
            triaged, IncidentRecords.NONE, List.of(), request, SECOND_LINE, at(2));
    assertThat(approved.incident().phase()).isEqualTo(Phase.FORENSICS);
    assertThat(approved.change().after())
        .containsEntry("skippedPhases", List.of("CONTAINMENT"))
        .containsEntry("requestedBy", RESPONDER.id());
  }

  @Test
  void aBreachNeverSkipsItsLegalAssessmentDecisions() {
    Incident breach = triaged(Classification.BREACH, RiskLevel.LOW, at(1));
    SkipRequest request = skip(breach, Phase.RECOVERY_CLOSURE);

    assertThatThrownBy(
            () ->
                PhaseRules.approveSkip(
                    breach, IncidentRecords.NONE, List.of(), request, SECOND_LINE, at(2)))
        .isInstanceOfSatisfying(
            Conflict.class, c -> assertThat(codes(c)).contains("ART_33_DECISION_MISSING"));
  }

  @Test
  void aRequestThatIsNotASkipIsRefused() {
    Incident triaged = triaged(Classification.INCIDENT, RiskLevel.LOW, at(1));
    assertThatThrownBy(
            () ->
                PhaseRules.requestSkip(triaged, skip(triaged, Phase.CONTAINMENT), RESPONDER, at(2)))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.code()).isEqualTo("NOT_A_SKIP"));
  }

  @Test
  void reopenGoesBackOnlyAndOutOfClosedWithAJustification() {
    Incident closed =
        triaged(Classification.INCIDENT, RiskLevel.LOW, at(1))
            .inPhase(Phase.CLOSED, null, at(5), at(5));

    Outcome reopened =
        PhaseRules.reopen(closed, Phase.FORENSICS, "new logs turned up", SECOND_LINE, at(6));

    assertThat(reopened.incident().phase()).isEqualTo(Phase.FORENSICS);
    assertThat(reopened.incident().closedAt()).isNull();
    assertThat(reopened.change().before()).containsKey("closedAt");
    assertThatThrownBy(() -> PhaseRules.reopen(closed, Phase.FORENSICS, " ", SECOND_LINE, at(6)))
        .isInstanceOf(InvalidInput.class);
    assertThatThrownBy(
            () ->
                PhaseRules.reopen(
                    reopened.incident(), Phase.LEGAL_ASSESSMENT, "x", SECOND_LINE, at(7)))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.code()).isEqualTo("NOT_BACKWARD"));
  }

  @Test
  void aClosedIncidentTakesNoStepButAReopen() {
    Incident closed = opened().inPhase(Phase.CLOSED, null, at(5), at(5));
    assertThatThrownBy(
            () ->
                PhaseRules.advance(
                    closed,
                    IncidentRecords.NONE,
                    List.of(),
                    Phase.CONTAINMENT,
                    PhaseRules.Statements.NONE,
                    RESPONDER,
                    at(6)))
        .isInstanceOfSatisfying(
            Conflict.class, c -> assertThat(c.code()).isEqualTo("INCIDENT_CLOSED"));
  }

  @Test
  void closingNamesTheDeadlinesItLeavesMissedWithTheCloserReason() {
    Incident restored = recoveringRestored(Classification.INCIDENT);
    IncidentRecords records = closable();
    List<Deadline> clocks = clocks(restored, records);
    assertThat(clocks).anySatisfy(c -> assertThat(c.key()).isEqualTo("INTERNAL/ESCALATION"));

    assertThatThrownBy(
            () ->
                PhaseRules.advance(
                    restored,
                    records,
                    clocks,
                    Phase.CLOSED,
                    PhaseRules.Statements.NONE,
                    RESPONDER,
                    at(20)))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e -> {
              assertThat(e.field()).isEqualTo("missedReason");
              assertThat(e.getMessage()).contains("Escalation");
            });
    Outcome closed =
        PhaseRules.advance(
            restored,
            records,
            clocks,
            Phase.CLOSED,
            new PhaseRules.Statements(null, "the second line was on leave; handled by the CISO"),
            RESPONDER,
            at(20));
    assertThat(closed.change().after())
        .containsEntry("missedDeadlines", List.of("INTERNAL/ESCALATION"))
        .containsEntry("missedReason", "the second line was on leave; handled by the CISO");
    assertThat(clocks(closed.incident(), records))
        .filteredOn(c -> c.key().equals("INTERNAL/ESCALATION"))
        .singleElement()
        .satisfies(c -> assertThat(c.status(at(21))).isEqualTo(DeadlineStatus.MISSED));
  }

  @Test
  void closingWaitsForTheClocksItRequiresAndAReasonIsForClosingOnly() {
    Incident reported =
        Incident.open(
            "INC-20261120-AAAAAB",
            "t",
            org.meldekette.domain.IncidentSource.REPORT,
            org.meldekette.domain.ReportKind.SECURITY_INCIDENT,
            Fixtures.T0);
    Incident restored =
        MilestoneRules.operationRestored(
                TriageRules.triage(
                        reported,
                        Fixtures.complete(Classification.INCIDENT, RiskLevel.LOW),
                        RESPONDER,
                        at(1))
                    .incident()
                    .inPhase(Phase.RECOVERY_CLOSURE, null, null, at(10)),
                at(9),
                RESPONDER,
                at(10))
            .incident();
    IncidentRecords records = closable();

    assertThatThrownBy(
            () ->
                PhaseRules.advance(
                    restored,
                    records,
                    clocks(restored, records),
                    Phase.CLOSED,
                    new PhaseRules.Statements(null, "x"),
                    RESPONDER,
                    at(20)))
        .isInstanceOfSatisfying(
            Conflict.class,
            c ->
                assertThat(c.unmet())
                    .anySatisfy(
                        u -> {
                          assertThat(u.code()).isEqualTo("CLOCK_OPEN");
                          assertThat(u.message()).contains("reporter");
                        }));
    Incident triaged = triaged(Classification.INCIDENT, RiskLevel.LOW, at(1));
    assertThatThrownBy(
            () ->
                PhaseRules.advance(
                    triaged,
                    IncidentRecords.NONE,
                    List.of(),
                    Phase.CONTAINMENT,
                    new PhaseRules.Statements(null, "why"),
                    RESPONDER,
                    at(2)))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.code()).isEqualTo("NOT_APPLICABLE"));
  }

  private static Incident recoveringRestored(Classification classification) {
    Incident recovering =
        triaged(classification, RiskLevel.LOW, at(1))
            .inPhase(Phase.RECOVERY_CLOSURE, null, null, at(10));
    return MilestoneRules.operationRestored(recovering, at(9), RESPONDER, at(10)).incident();
  }

  /** A no-personal-data decision, corrective and preventive measures: what closing looks at. */
  private static IncidentRecords closable() {
    return new IncidentRecords(
        List.of(
            measure("MSR-0000000001", MeasureType.CORRECTIVE, false),
            measure("MSR-0000000002", MeasureType.PREVENTIVE, false)),
        0,
        List.of(
            Fixtures.decision(
                "DEC-0000000001",
                org.meldekette.domain.DecisionType.NO_PERSONAL_DATA_AFFECTED,
                at(5))),
        List.of(),
        List.of());
  }

  private static List<Deadline> clocks(Incident incident, IncidentRecords records) {
    return new DeadlinePolicy(Regimes.shipped("GDPR", "INTERNAL"))
        .deadlines(new IncidentFacts(incident, records));
  }

  private static SkipRequest skip(Incident incident, Phase to) {
    return new SkipRequest(
        "SKP-0000000001",
        incident.phase(),
        to,
        "contained by the provider",
        RESPONDER.id(),
        at(1),
        SkipRequest.Status.PENDING,
        null,
        null);
  }
}
