package org.meldekette.domain.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meldekette.domain.Actor;
import org.meldekette.domain.Audience;
import org.meldekette.domain.Classification;
import org.meldekette.domain.Communication;
import org.meldekette.domain.Decision;
import org.meldekette.domain.DecisionType;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentRecords;
import org.meldekette.domain.IncidentSource;
import org.meldekette.domain.Phase;
import org.meldekette.domain.RegimeTrigger;
import org.meldekette.domain.RiskLevel;
import org.meldekette.domain.Role;
import org.meldekette.domain.Triage;
import org.meldekette.domain.lifecycle.MilestoneRules;
import org.meldekette.domain.lifecycle.TriageRules;

/** NIS2 Art. 23 and DORA Art. 19 clocks beside GDPR's, on one incident, at fixed times. */
class RegimeClocksTest {
  static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
  static final Actor RESPONDER = Actor.staff("r@x.test", Role.RESPONDER);
  private final DeadlinePolicy all = DeadlinePolicyTest.policy("GDPR", "INTERNAL", "NIS2", "DORA");
  private final List<Communication> sent = new ArrayList<>();

  private Incident incident() {
    return Incident.open("INC-20261120-AAAAAA", "t", IncidentSource.STAFF, null, T0);
  }

  private Communication report(String stage, Instant at) {
    return new Communication(
        "COM-" + stage.hashCode() + at.getEpochSecond(),
        Audience.COMPETENT_AUTHORITY,
        "portal",
        "report",
        at,
        null,
        stage,
        null,
        "legal@x.test",
        at,
        null,
        null);
  }

  private Deadline clock(
      DeadlinePolicy policy, Incident incident, String key, Decision... decisions) {
    return policy
        .deadlines(new IncidentFacts(incident, IncidentRecords.of(List.of(decisions), sent)))
        .stream()
        .filter(d -> d.stage().key().equals(key))
        .findFirst()
        .orElse(null);
  }

  private Incident marked(String regime, Instant triggeredAt, Instant awareAt) {
    return MilestoneRules.regimeTriggered(
            incident(),
            regime,
            new RegimeTrigger(triggeredAt, awareAt, "r@x.test", null, null),
            RESPONDER,
            triggeredAt)
        .incident();
  }

  @Test
  void nis2EarlyWarningIn24AndNotificationIn72HoursOfAwareness() {
    Instant aware = T0.plus(Duration.ofHours(2));
    Incident significant = marked("NIS2", T0.plus(Duration.ofHours(5)), aware);
    assertThat(clock(all, significant, "NIS2/EARLY_WARNING").dueAt())
        .isEqualTo(aware.plus(Duration.ofHours(24)));
    assertThat(clock(all, significant, "NIS2/INCIDENT_NOTIFICATION").dueAt())
        .isEqualTo(aware.plus(Duration.ofHours(72)));
    assertThat(clock(all, significant, "NIS2/FINAL_REPORT"))
        .as("not before the incident notification")
        .isNull();
    assertThat(clock(all, significant, "NIS2/INTERMEDIATE_REPORT")).as("only on request").isNull();

    sent.add(report("NIS2/EARLY_WARNING", aware.plus(Duration.ofHours(20))));
    assertThat(clock(all, significant, "NIS2/EARLY_WARNING").isOpen()).isFalse();
    assertThat(clock(all, significant, "NIS2/INCIDENT_NOTIFICATION").isOpen()).isTrue();
  }

  @Test
  void nis2FinalReportOneMonthAfterTheNotificationOrAfterHandlingWhenAProgressReportCameFirst() {
    Incident significant = marked("NIS2", T0, T0);
    Instant notified = Instant.parse("2026-11-22T10:00:00Z");
    sent.add(report("NIS2/INCIDENT_NOTIFICATION", notified));
    assertThat(clock(all, significant, "NIS2/FINAL_REPORT").dueAt())
        .isEqualTo(Instant.parse("2026-12-22T10:00:00Z"));

    sent.add(report("NIS2/PROGRESS_REPORT", Instant.parse("2026-12-20T10:00:00Z")));
    assertThat(clock(all, significant, "NIS2/FINAL_REPORT").isOpen())
        .as("a progress report answers it")
        .isFalse();
    assertThat(clock(all, significant, "NIS2/FINAL_REPORT_AFTER_HANDLING"))
        .as("until handled")
        .isNull();
    Instant handled = Instant.parse("2027-01-31T16:00:00Z");
    Incident closed = significant.inPhase(Phase.CLOSED, null, handled, handled);
    assertThat(clock(all, closed, "NIS2/FINAL_REPORT_AFTER_HANDLING").dueAt())
        .isEqualTo(Instant.parse("2027-02-28T16:00:00Z"));
  }

  @Test
  void nis2IntermediateReportFallsDueWhenTheAuthorityAsksForIt() {
    Incident significant = marked("NIS2", T0, T0);
    Instant due = Instant.parse("2026-11-27T12:00:00Z");
    Incident asked =
        MilestoneRules.regimeReportRequested(
                significant,
                "NIS2",
                "INTERMEDIATE_REPORT",
                due,
                RESPONDER,
                T0.plus(Duration.ofDays(2)))
            .incident();
    assertThat(clock(all, asked, "NIS2/INTERMEDIATE_REPORT").dueAt()).isEqualTo(due);
  }

  @Test
  void doraInitialNotificationIn4HoursOfClassificationButAtMost24HoursAfterAwareness() {
    Instant classified = T0.plus(Duration.ofHours(10));
    assertThat(clock(all, marked("DORA", classified, T0), "DORA/INITIAL_NOTIFICATION").dueAt())
        .isEqualTo(classified.plus(Duration.ofHours(4)));
    Instant lateClassification = T0.plus(Duration.ofHours(22));
    assertThat(
            clock(all, marked("DORA", lateClassification, T0), "DORA/INITIAL_NOTIFICATION").dueAt())
        .as("24 h after awareness comes first")
        .isEqualTo(T0.plus(Duration.ofHours(24)));
  }

  @Test
  void doraIntermediateIn72HoursOfTheInitialAndFinalOneMonthAfterTheLatestIntermediate() {
    Incident major = marked("DORA", T0, T0);
    Instant initial = T0.plus(Duration.ofHours(3));
    sent.add(report("DORA/INITIAL_NOTIFICATION", initial));
    assertThat(clock(all, major, "DORA/INTERMEDIATE_REPORT").dueAt())
        .isEqualTo(initial.plus(Duration.ofHours(72)));
    sent.add(report("DORA/INTERMEDIATE_REPORT", Instant.parse("2026-11-22T09:00:00Z")));
    sent.add(report("DORA/INTERMEDIATE_REPORT", Instant.parse("2026-11-30T09:00:00Z")));
    assertThat(clock(all, major, "DORA/FINAL_REPORT").dueAt())
        .isEqualTo(Instant.parse("2026-12-30T09:00:00Z"));
  }

  @Test
  void oneIncidentRunsGdprNis2AndDoraClocksAtOnceEachMetIndependently() {
    Incident breach =
        TriageRules.triage(
                incident(),
                Triage.Input.classified(Classification.BREACH, null, RiskLevel.LOW),
                RESPONDER,
                T0)
            .incident();
    Incident both =
        MilestoneRules.regimeTriggered(
                breach, "NIS2", new RegimeTrigger(T0, T0, "r@x.test", null, null), RESPONDER, T0)
            .incident();
    Incident three =
        MilestoneRules.regimeTriggered(
                both, "DORA", new RegimeTrigger(T0, T0, "r@x.test", null, null), RESPONDER, T0)
            .incident();
    List<String> open =
        all.deadlines(new IncidentFacts(three, IncidentRecords.of(List.of(), sent))).stream()
            .filter(Deadline::isOpen)
            .map(d -> d.stage().key())
            .toList();
    assertThat(open)
        .contains(
            "GDPR/ART33",
            "NIS2/EARLY_WARNING",
            "NIS2/INCIDENT_NOTIFICATION",
            "DORA/INITIAL_NOTIFICATION");

    Decision notify =
        new Decision(
            "DEC-1",
            DecisionType.NOTIFY_AUTHORITY,
            "r",
            "l@x.test",
            Role.LEGAL,
            T0.plusSeconds(3600),
            null,
            null,
            null);
    // Deciding to notify is progress; the notification itself meets the clock.
    assertThat(clock(all, three, "GDPR/ART33", notify).isOpen()).isTrue();
    assertThat(clock(all, three, "GDPR/ART33", notify).isInProgress()).isTrue();
    assertThat(clock(all, three, "NIS2/EARLY_WARNING", notify).isOpen()).isTrue();
    assertThat(clock(all, three, "DORA/INITIAL_NOTIFICATION", notify).isOpen()).isTrue();
    sent.add(report("DORA/INITIAL_NOTIFICATION", T0.plusSeconds(7200)));
    assertThat(clock(all, three, "DORA/INITIAL_NOTIFICATION", notify).isOpen()).isFalse();
    assertThat(clock(all, three, "NIS2/EARLY_WARNING", notify).isOpen()).isTrue();
  }

  @Test
  void aRegimeSwitchedOffShowsNoneOfItsClocksEvenForAMarkedIncident() {
    Incident significant = marked("NIS2", T0, T0);
    DeadlinePolicy gdprOnly = DeadlinePolicyTest.policy("GDPR", "INTERNAL");
    assertThat(
            gdprOnly.deadlines(new IncidentFacts(significant, IncidentRecords.of(List.of(), sent))))
        .noneMatch(d -> d.stage().regime().equals("NIS2"));
  }

  @Test
  void aFourthRegimeIsOneMoreEntryInTheRegimesFile() {
    String json =
        """
        {"regimes": [{"id": "KRITIS", "name": "A national law", "stages": [
          {"id": "FIRST_REPORT", "label": "First report (12 h)", "when": ["regime.KRITIS.aware"],
           "due": [{"from": "regime.KRITIS.aware", "after": "PT12H"}],
           "satisfiedBy": ["communication:KRITIS/FIRST_REPORT"], "remindBefore": ["PT2H"],
           "atClosure": "REQUIRED"}]}]}""";
    DeadlinePolicy national = new DeadlinePolicy(Regimes.parse(json, List.of("KRITIS")));
    Incident marked = marked("KRITIS", T0, T0);
    Deadline first =
        national
            .deadlines(new IncidentFacts(marked, IncidentRecords.of(List.of(), List.of())))
            .get(0);
    assertThat(first.stage().key()).isEqualTo("KRITIS/FIRST_REPORT");
    assertThat(first.dueAt()).isEqualTo(T0.plus(Duration.ofHours(12)));
    assertThat(first.remindersUntilDue())
        .extracting(Deadline.Reminder::kind)
        .containsExactly("before-2h", "due");
    sent.add(report("KRITIS/FIRST_REPORT", T0.plusSeconds(600)));
    assertThat(
            national
                .deadlines(new IncidentFacts(marked, IncidentRecords.of(List.of(), sent)))
                .get(0)
                .isOpen())
        .isFalse();
    assertThat(Map.of()).isEmpty();
  }

  @Test
  void theEnabledRegimesKeepTheFilesOrderWhateverOrderTheyAreSwitchedOnIn() {
    // The policy summary lists them in this order; an order that changed from one start to the
    // next moved whole tables of the PDF.
    assertThat(Regimes.shipped("DORA", "NIS2", "INTERNAL", "GDPR").enabled())
        .containsExactly("GDPR", "INTERNAL", "NIS2", "DORA");
  }
}
