package org.meldekette.domain.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.meldekette.domain.lifecycle.Fixtures.RESPONDER;
import static org.meldekette.domain.lifecycle.Fixtures.at;
import static org.meldekette.domain.lifecycle.Fixtures.decision;
import static org.meldekette.domain.lifecycle.Fixtures.measure;
import static org.meldekette.domain.lifecycle.Fixtures.opened;
import static org.meldekette.domain.lifecycle.Fixtures.triaged;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.meldekette.domain.Art34Exception;
import org.meldekette.domain.ChangeType;
import org.meldekette.domain.Classification;
import org.meldekette.domain.Conflict;
import org.meldekette.domain.CustodyEntry;
import org.meldekette.domain.Decision;
import org.meldekette.domain.DecisionType;
import org.meldekette.domain.Evidence;
import org.meldekette.domain.EvidenceSource;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentRecords;
import org.meldekette.domain.InvalidInput;
import org.meldekette.domain.Measure;
import org.meldekette.domain.MeasureStatus;
import org.meldekette.domain.MeasureType;
import org.meldekette.domain.RiskLevel;
import org.meldekette.domain.Role;

/** Measures, evidence with custody, and a decision log that fits the classification. */
class RecordRulesTest {
  private static final Incident BREACH = triaged(Classification.BREACH, RiskLevel.HIGH, at(1));

  @Test
  void aMeasureChangeRecordsOnlyTheFieldsThatChanged() {
    Measure open = measure("MSR-0000000001", MeasureType.CORRECTIVE, false);
    Measure done =
        new Measure(
            open.id(),
            open.type(),
            null,
            open.description(),
            open.owner(),
            open.dueAt(),
            MeasureStatus.DONE,
            null,
            open.createdBy(),
            open.createdAt(),
            at(5));

    Outcome changed = RecordRules.measureChanged(BREACH, open, done, RESPONDER, at(5));

    assertThat(changed.change().type()).isEqualTo(ChangeType.MEASURE_CHANGED);
    // What changed, and which measure it was (its ID, unchanged, names it for the ISMS).
    assertThat(changed.change().after())
        .containsOnlyKeys("status", "measure")
        .containsEntry("measure", open.id());
    assertThat(changed.change().before())
        .containsOnlyKeys("status")
        .containsEntry("status", "PLANNED");
  }

  @Test
  void evidenceAndCustodyAreRecordedByIdAndHashOnly() {
    Evidence evidence =
        new Evidence(
            "EVD-0000000001",
            EvidenceSource.CLOUD_LOGGING,
            "gs://vault/INC-20261120-AAAAAA/EVD-0000000001",
            "a".repeat(64),
            "reporter's own words",
            RESPONDER.id(),
            at(2),
            at(2),
            null);
    Outcome added = RecordRules.evidenceAdded(BREACH, evidence, RESPONDER, at(2));
    assertThat(added.change().after())
        .containsOnlyKeys("evidence", "source", "sha256")
        .containsEntry("sha256", "a".repeat(64));

    Outcome custody =
        RecordRules.custodyAppended(
            BREACH,
            evidence,
            new CustodyEntry(2, CustodyEntry.Action.ANALYSED, RESPONDER.id(), at(3), null),
            RESPONDER,
            at(3));
    assertThat(custody.change().summary())
        .isEqualTo("Evidence EVD-0000000001: ANALYSED (custody entry 2)");
  }

  @Test
  void aDecisionMustFitTheClassification() {
    Incident plain = triaged(Classification.INCIDENT, RiskLevel.LOW, at(1));
    assertThatThrownBy(
            () ->
                RecordRules.decisionLogged(
                    plain,
                    IncidentRecords.NONE,
                    decision("DEC-0000000001", DecisionType.NOTIFY_AUTHORITY, at(2)),
                    Fixtures.LEGAL,
                    at(2)))
        .isInstanceOfSatisfying(
            Conflict.class,
            c -> assertThat(c.code()).isEqualTo("DECISION_CONTRADICTS_CLASSIFICATION"));
    assertThatThrownBy(
            () ->
                RecordRules.decisionLogged(
                    opened(),
                    IncidentRecords.NONE,
                    decision("DEC-0000000001", DecisionType.NO_PERSONAL_DATA_AFFECTED, at(2)),
                    Fixtures.LEGAL,
                    at(2)))
        .isInstanceOf(Conflict.class);
  }

  @Test
  void notInformingDataSubjectsAtHighRiskNeedsAnArt34Exception() {
    Decision without = decision("DEC-0000000001", DecisionType.NO_DATA_SUBJECT_NOTIFICATION, at(2));
    assertThatThrownBy(
            () ->
                RecordRules.decisionLogged(
                    BREACH, IncidentRecords.NONE, without, Fixtures.DPO, at(2)))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.field()).isEqualTo("exception"));

    Decision with =
        new Decision(
            "DEC-0000000002",
            DecisionType.NO_DATA_SUBJECT_NOTIFICATION,
            "encrypted with a key not compromised",
            "dpo@x.test",
            Role.DPO,
            at(2),
            null,
            null,
            Art34Exception.ENCRYPTED);
    assertThat(
            RecordRules.decisionLogged(BREACH, IncidentRecords.NONE, with, Fixtures.DPO, at(2))
                .change()
                .after())
        .containsEntry("exception", "ENCRYPTED");
  }

  @Test
  void aCorrectionNamesADecisionStillInForce() {
    Decision first = decision("DEC-0000000001", DecisionType.NOTIFY_AUTHORITY, at(2));
    Decision correction =
        new Decision(
            "DEC-0000000002",
            DecisionType.NO_AUTHORITY_NOTIFICATION,
            "unlikely to result in a risk",
            "legal@x.test",
            Role.LEGAL,
            at(3),
            first.id(),
            null,
            null);
    IncidentRecords corrected = IncidentRecords.of(List.of(first, correction), List.of());

    Decision again =
        new Decision(
            "DEC-0000000003",
            DecisionType.NOTIFY_AUTHORITY,
            "again",
            "legal@x.test",
            Role.LEGAL,
            at(4),
            first.id(),
            null,
            null);
    assertThatThrownBy(
            () -> RecordRules.decisionLogged(BREACH, corrected, again, Fixtures.LEGAL, at(4)))
        .isInstanceOfSatisfying(
            Conflict.class, c -> assertThat(c.code()).isEqualTo("DECISION_ALREADY_CORRECTED"));
    Decision unknown =
        new Decision(
            "DEC-0000000004",
            DecisionType.NOTIFY_AUTHORITY,
            "x",
            "legal@x.test",
            Role.LEGAL,
            at(4),
            "DEC-9999999999",
            null,
            null);
    assertThatThrownBy(
            () -> RecordRules.decisionLogged(BREACH, corrected, unknown, Fixtures.LEGAL, at(4)))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.code()).isEqualTo("NOT_FOUND"));
  }
}
