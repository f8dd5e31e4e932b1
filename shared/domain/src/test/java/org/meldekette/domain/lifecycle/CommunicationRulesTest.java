package org.meldekette.domain.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.meldekette.domain.lifecycle.Fixtures.COMMUNICATIONS;
import static org.meldekette.domain.lifecycle.Fixtures.LEGAL;
import static org.meldekette.domain.lifecycle.Fixtures.at;
import static org.meldekette.domain.lifecycle.Fixtures.sent;
import static org.meldekette.domain.lifecycle.Fixtures.triaged;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.meldekette.domain.Approval;
import org.meldekette.domain.Audience;
import org.meldekette.domain.ChangeType;
import org.meldekette.domain.Classification;
import org.meldekette.domain.Conflict;
import org.meldekette.domain.Forbidden;
import org.meldekette.domain.Incident;
import org.meldekette.domain.RiskLevel;

/** No external communication before legal sign-off; press statements by COMMUNICATIONS only. */
class CommunicationRulesTest {
  private static final Incident BREACH = triaged(Classification.BREACH, RiskLevel.LOW, at(1));

  private static Approval approved(Audience audience, int hour) {
    return new Approval("APR-000000000" + hour, audience, null, LEGAL.id(), at(hour));
  }

  @Test
  void nothingGoesOutWithoutApprovalForThatAudience() {
    assertThatThrownBy(
            () ->
                CommunicationRules.communicationRecorded(
                    BREACH,
                    List.of(approved(Audience.CUSTOMERS, 2)),
                    sent("COM-0000000001", Audience.SUPERVISORY_AUTHORITY, at(3)),
                    LEGAL,
                    at(3)))
        .isInstanceOfSatisfying(
            Conflict.class, c -> assertThat(c.code()).isEqualTo("LEGAL_APPROVAL_MISSING"));
  }

  @Test
  void aCommunicationStatedAsSentBeforeTheApprovalIsRefused() {
    assertThatThrownBy(
            () ->
                CommunicationRules.communicationRecorded(
                    BREACH,
                    List.of(approved(Audience.SUPERVISORY_AUTHORITY, 4)),
                    sent("COM-0000000001", Audience.SUPERVISORY_AUTHORITY, at(3)),
                    LEGAL,
                    at(5)))
        .isInstanceOfSatisfying(
            Conflict.class, c -> assertThat(c.code()).isEqualTo("SENT_BEFORE_APPROVAL"));
  }

  @Test
  void anApprovedCommunicationIsRecordedWithItsAudienceAndKind() {
    Outcome recorded =
        CommunicationRules.communicationRecorded(
            BREACH,
            List.of(approved(Audience.SUPERVISORY_AUTHORITY, 2)),
            sent("COM-0000000001", Audience.SUPERVISORY_AUTHORITY, at(3)),
            LEGAL,
            at(3));

    assertThat(recorded.change().type()).isEqualTo(ChangeType.COMMUNICATION_RECORDED);
    assertThat(recorded.change().after())
        .containsEntry("audience", "SUPERVISORY_AUTHORITY")
        .containsEntry("notification", "INITIAL");
  }

  @Test
  void pressStatementsAreForTheCommunicationsRoleOnly() {
    List<Approval> press = List.of(approved(Audience.PRESS, 2));
    assertThatThrownBy(
            () ->
                CommunicationRules.communicationRecorded(
                    BREACH, press, sent("COM-0000000001", Audience.PRESS, at(3)), LEGAL, at(3)))
        .isInstanceOf(Forbidden.class)
        .hasMessageContaining("COMMUNICATIONS");
    assertThat(
            CommunicationRules.communicationRecorded(
                    BREACH,
                    press,
                    sent("COM-0000000001", Audience.PRESS, at(3)),
                    COMMUNICATIONS,
                    at(3))
                .change()
                .after())
        .containsEntry("audience", "PRESS");
  }

  @Test
  void theReporterOfAPlainIncidentIsAnsweredWithoutApprovalButOnlyWhenThereIsOne() {
    Incident staffOpened = triaged(Classification.INCIDENT, RiskLevel.LOW, at(1));
    assertThatThrownBy(
            () ->
                CommunicationRules.communicationRecorded(
                    staffOpened,
                    List.of(),
                    sent("COM-0000000001", Audience.REPORTER, at(2)),
                    Fixtures.RESPONDER,
                    at(2)))
        .isInstanceOfSatisfying(
            Conflict.class, c -> assertThat(c.code()).isEqualTo("NO_REPORTER_CHANNEL"));
  }
}
