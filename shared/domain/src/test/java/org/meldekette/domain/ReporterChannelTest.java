package org.meldekette.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.meldekette.domain.deadline.Deadline;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.deadline.DeadlineStatus;
import org.meldekette.domain.deadline.IncidentFacts;
import org.meldekette.domain.deadline.Regimes;
import org.meldekette.domain.lifecycle.CommunicationRules;
import org.meldekette.domain.lifecycle.Openings;
import org.meldekette.domain.lifecycle.Outcome;
import org.meldekette.domain.lifecycle.TriageRules;

/** The reporter's channel: the receipt code, the status in plain words, the gate, the clock. */
class ReporterChannelTest {
  private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
  private static final Actor RESPONDER = Actor.staff("responder@x.test", Role.RESPONDER);
  private static final DeadlinePolicy POLICY =
      new DeadlinePolicy(Regimes.shipped("GDPR", "INTERNAL"));

  private Incident reported() {
    Report report =
        new Report(ReportKind.VULNERABILITY, "t", "d", List.of(), null, null, Language.EN);
    return Openings.reportReceived("INC-20261120-AAAAAA", report, false, T0).incident();
  }

  private static Communication toReporter(Instant at) {
    return new Communication(
        "COM-1",
        Audience.REPORTER,
        "status page",
        "message",
        at,
        null,
        null,
        null,
        "responder@x.test",
        at,
        null,
        null);
  }

  @Test
  void aReceiptCodeHas130RandomBitsIsReadForgivinglyAndIsStoredOnlyAsItsHash() {
    ReceiptCode code = ReceiptCode.random(new Random(7));
    assertThat(code.text())
        .matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){5}-[0-9A-HJKMNP-TV-Z]{2}");
    String typed = code.text().toLowerCase().replace("-", " ").replace('0', 'o').replace('1', 'l');
    assertThat(ReceiptCode.parse(typed))
        .hasValueSatisfying(p -> assertThat(p.hash()).isEqualTo(code.hash()));
    assertThat(code.hash()).hasSize(64).doesNotContain(code.text().replace("-", ""));
    assertThat(code.toString()).doesNotContain(code.text().substring(0, 4));
    assertThat(ReceiptCode.parse(code.text().substring(1))).isEmpty();
    assertThat(ReceiptCode.parse(code.text() + "A")).isEmpty();
    assertThat(ReceiptCode.parse(code.text().replace(code.text().charAt(0), 'U'))).isEmpty();
    assertThat(ReceiptCode.parse(null)).isEmpty();
    Set<String> many = new HashSet<>();
    Random random = new Random(11);
    for (int i = 0; i < 10_000; i++) {
      many.add(ReceiptCode.random(random).text());
    }
    assertThat(many).hasSize(10_000);
  }

  @Test
  void theReporterSeesWhereTheReportStandsInPlainWordsNeverThePhase() {
    Incident received = reported();
    assertThat(ReporterStatus.of(received)).isEqualTo(ReporterStatus.RECEIVED);
    Incident triaged =
        TriageRules.triage(
                received,
                Triage.Input.classified(Classification.INCIDENT, Severity.P3, RiskLevel.LOW),
                RESPONDER,
                T0.plusSeconds(60))
            .incident();
    assertThat(ReporterStatus.of(triaged)).isEqualTo(ReporterStatus.IN_ANALYSIS);
    assertThat(ReporterStatus.of(triaged.inPhase(Phase.FORENSICS, null, null, T0)))
        .isEqualTo(ReporterStatus.IN_ANALYSIS);
    assertThat(ReporterStatus.of(triaged.inPhase(Phase.RECOVERY_CLOSURE, null, null, T0)))
        .isEqualTo(ReporterStatus.ANALYSIS_DONE);
    assertThat(ReporterStatus.of(triaged.inPhase(Phase.CLOSED, null, T0, T0)))
        .isEqualTo(ReporterStatus.CLOSED);
  }

  @Test
  void theTeamAnswersAReporterDirectlyUntilTheIncidentWasABreachThenOnlyAfterLegalApproval() {
    Incident plain = reported();
    Outcome answered =
        CommunicationRules.communicationRecorded(plain, List.of(), toReporter(T0), RESPONDER, T0);
    assertThat(answered.change().after()).containsEntry("audience", "REPORTER");

    Incident breach =
        TriageRules.triage(
                plain,
                Triage.Input.classified(Classification.BREACH, null, RiskLevel.LOW),
                RESPONDER,
                T0)
            .incident();
    assertThatThrownBy(
            () ->
                CommunicationRules.communicationRecorded(
                    breach, List.of(), toReporter(T0), RESPONDER, T0))
        .isInstanceOfSatisfying(
            Conflict.class, c -> assertThat(c.code()).isEqualTo("LEGAL_APPROVAL_MISSING"));
    Approval approval = new Approval("APR-1", Audience.REPORTER, null, "legal@x.test", T0);
    CommunicationRules.communicationRecorded(
        breach, List.of(approval), toReporter(T0.plusSeconds(1)), RESPONDER, T0.plusSeconds(1));

    Incident fromAlert = Incident.open("INC-20261120-BBBBBB", "t", IncidentSource.ALERT, null, T0);
    assertThatThrownBy(
            () ->
                CommunicationRules.communicationRecorded(
                    fromAlert, List.of(), toReporter(T0), RESPONDER, T0))
        .isInstanceOfSatisfying(
            Conflict.class, c -> assertThat(c.code()).isEqualTo("NO_REPORTER_CHANNEL"));
  }

  @Test
  void aReportStartsTheFirstResponseClockWhichTheFirstMessageToTheReporterMeets() {
    Incident plain = reported();
    Deadline open = firstResponse(plain, List.of());
    assertThat(open.dueAt()).isEqualTo(T0.plus(Duration.ofHours(48)));
    assertThat(open.status(T0.plus(Duration.ofHours(49)))).isEqualTo(DeadlineStatus.OVERDUE);
    Deadline met = firstResponse(plain, List.of(toReporter(T0.plus(Duration.ofHours(5)))));
    assertThat(met.status(T0.plus(Duration.ofHours(49)))).isEqualTo(DeadlineStatus.MET);

    Incident fromAlert = Incident.open("INC-20261120-BBBBBB", "t", IncidentSource.ALERT, null, T0);
    assertThat(firstResponse(fromAlert, List.of())).as("nobody waits to hear back").isNull();
  }

  @Test
  void aReportersMessageIsRecordedWithItsLengthNeverItsText() {
    ReporterMessage message =
        ReporterMessage.fromReporter("RPM-1", "My name is Erika, call me.", T0);
    Change change = message.received("INC-20261120-AAAAAA");
    assertThat(change.type()).isEqualTo(ChangeType.REPORTER_MESSAGE_RECEIVED);
    assertThat(change.actor().kind()).isEqualTo(Actor.Kind.REPORTER);
    assertThat(change.toString()).doesNotContain("Erika");
    assertThat(change.after()).containsEntry("characters", 26);
    assertThatThrownBy(() -> ReporterMessage.fromReporter("RPM-2", "  ", T0))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("text"));
    assertThatThrownBy(
            () ->
                ReporterMessage.fromReporter(
                    "RPM-3", "x".repeat(ReporterMessage.MAX_LENGTH + 1), T0))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.code()).isEqualTo("TOO_LONG"));
  }

  private static Deadline firstResponse(Incident incident, List<Communication> sent) {
    return POLICY
        .deadlines(new IncidentFacts(incident, IncidentRecords.of(List.of(), sent)))
        .stream()
        .filter(d -> d.key().equals("INTERNAL/FIRST_RESPONSE"))
        .findFirst()
        .orElse(null);
  }
}
