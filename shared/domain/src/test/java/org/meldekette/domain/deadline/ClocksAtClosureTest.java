package org.meldekette.domain.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.meldekette.domain.Actor;
import org.meldekette.domain.Audience;
import org.meldekette.domain.Classification;
import org.meldekette.domain.Closure;
import org.meldekette.domain.Communication;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentRecords;
import org.meldekette.domain.IncidentSource;
import org.meldekette.domain.Measure;
import org.meldekette.domain.MeasureStatus;
import org.meldekette.domain.MeasureType;
import org.meldekette.domain.Phase;
import org.meldekette.domain.ProcessingRoles;
import org.meldekette.domain.RegimeTrigger;
import org.meldekette.domain.ReportKind;
import org.meldekette.domain.RiskLevel;
import org.meldekette.domain.Role;
import org.meldekette.domain.Severity;
import org.meldekette.domain.Triage;
import org.meldekette.domain.lifecycle.ClosureRequirements;
import org.meldekette.domain.lifecycle.MilestoneRules;
import org.meldekette.domain.lifecycle.TriageRules;

/**
 * No clock of the incident itself runs on a closed case, for every stage of every shipped regime:
 * closing waits for the clocks it requires, settles as missed those it may, and only the clocks
 * meant to outlive closure stay open. Scenarios start every stage with nothing done; the test fails
 * when a stage is added that no scenario starts.
 */
class ClocksAtClosureTest {
  private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
  private static final Instant CLOSED = T0.plus(Duration.ofDays(5));
  private static final Actor RESPONDER = Actor.staff("r@x.test", Role.RESPONDER);
  private static final Regimes ALL = Regimes.shipped("GDPR", "INTERNAL", "NIS2", "DORA");
  private static final DeadlinePolicy POLICY = new DeadlinePolicy(ALL);

  private record Scenario(String name, Incident incident, IncidentRecords records) {
    List<Deadline> clocks(Incident as) {
      return POLICY.deadlines(new IncidentFacts(as, records));
    }
  }

  @Test
  void noClockOfTheIncidentStaysOpenWhenItCloses() {
    Set<String> started = new HashSet<>();
    for (Scenario scenario : scenarios()) {
      List<Deadline> before = scenario.clocks(scenario.incident());
      Incident closed = scenario.incident().inPhase(Phase.CLOSED, null, CLOSED, CLOSED);
      List<Deadline> after = scenario.clocks(closed);
      for (Deadline clock : before) {
        started.add(clock.stage().key());
        Deadline settled = find(after, clock.key());
        AtClosure rule = clock.stage().atClosure();
        String what = scenario.name() + ": " + clock.key();
        if (!clock.isOpen()) {
          continue;
        }
        switch (rule) {
          case REQUIRED -> {
            assertThat(ClosureRequirements.unmet(scenario.incident(), scenario.records(), before))
                .as(what + " holds closing up")
                .anySatisfy(u -> assertThat(u.message()).startsWith(clock.label()));
            // (A closing forced past it, as data from before this rule could be, settles it.)
            assertThat(settled.isOpen()).as(what).isFalse();
          }
          case MISSED -> {
            assertThat(ClosureRequirements.missedOnClosing(before)).as(what).contains(clock);
            assertThat(settled.status(CLOSED)).as(what).isEqualTo(DeadlineStatus.MISSED);
            assertThat(settled.settledAt()).isEqualTo(CLOSED);
          }
          case OUTLIVES -> assertThat(settled.isOpen()).as(what + " outlives closure").isTrue();
        }
      }
      for (Deadline clock : after) {
        started.add(clock.stage().key());
        if (clock.stage().atClosure() != AtClosure.OUTLIVES) {
          assertThat(clock.isOpen()).as(scenario.name() + ": " + clock.key()).isFalse();
        }
      }
    }
    assertThat(started)
        .as("every stage of every shipped regime is walked")
        .containsAll(ALL.stages().stream().map(Stage::key).toList());
  }

  @Test
  void closingAsNotAnIncidentStopsEveryClockEvenThoseThatOutliveClosure() {
    for (Scenario scenario : scenarios()) {
      Incident dismissed = scenario.incident().dismissed(Closure.NOT_AN_INCIDENT, CLOSED);
      for (Deadline clock : scenario.clocks(dismissed)) {
        if (clock.metAt() == null) {
          assertThat(clock.status(CLOSED))
              .as(scenario.name() + ": " + clock.key())
              .isEqualTo(DeadlineStatus.STOPPED);
        }
      }
    }
  }

  @Test
  void aReportHeldForScreeningRunsNoClockUntilScreenedIn() {
    Incident held = reported().withHeld(true, T0);
    assertThat(POLICY.deadlines(new IncidentFacts(held, IncidentRecords.NONE))).isEmpty();
    Incident screenedIn = held.withHeld(false, T0.plus(Duration.ofHours(30)));
    Deadline triage =
        find(
            POLICY.deadlines(new IncidentFacts(screenedIn, IncidentRecords.NONE)),
            "INTERNAL/TRIAGE");
    assertThat(triage.startedAt()).as("counted from the receipt").isEqualTo(T0);
    assertThat(triage.status(T0.plus(Duration.ofHours(30)))).isEqualTo(DeadlineStatus.OVERDUE);
  }

  @Test
  void reopeningACaseRunsItsMissedClocksAgain() {
    Scenario nothingDone = scenarios().get(0);
    Incident closed = nothingDone.incident().inPhase(Phase.CLOSED, null, CLOSED, CLOSED);
    Incident reopened = closed.inPhase(Phase.LEGAL_ASSESSMENT, null, null, CLOSED.plusSeconds(60));
    assertThat(find(nothingDone.clocks(reopened), "INTERNAL/ESCALATION").isOpen()).isTrue();
  }

  private static List<Scenario> scenarios() {
    List<Scenario> all = new ArrayList<>();
    // A reported breach at high risk, NIS2 and DORA applying, an authority's request, a measure due
    // and one done: every clock started, nothing met.
    Incident breach = breach(reported(), false);
    breach = regime(breach, "NIS2");
    breach = regime(breach, "DORA");
    breach =
        MilestoneRules.regimeReportRequested(
                breach, "NIS2", "INTERMEDIATE_REPORT", T0.plus(Duration.ofDays(3)), RESPONDER, T0)
            .incident();
    IncidentRecords measures =
        new IncidentRecords(
            List.of(measure("MSR-0000000001", null), measure("MSR-0000000002", T0)),
            0,
            List.of(),
            List.of(),
            List.of());
    all.add(new Scenario("nothing done", breach, measures));
    // The first regulatory reports sent: the later stages they start (final reports) begin.
    all.add(
        new Scenario(
            "first reports sent",
            breach,
            new IncidentRecords(
                List.of(),
                0,
                List.of(),
                List.of(),
                List.of(
                    sent("NIS2/INCIDENT_NOTIFICATION"),
                    sent("NIS2/PROGRESS_REPORT"),
                    sent("DORA/INITIAL_NOTIFICATION"),
                    sent("DORA/INTERMEDIATE_REPORT")))));
    // The operator processes the data for a controller: Art. 33(2) instead of Art. 33(1) and 34.
    all.add(new Scenario("as processor", breach(reported(), true), IncidentRecords.NONE));
    return all;
  }

  private static Incident reported() {
    return Incident.open(
        "INC-20261120-AAAAAA", "t", IncidentSource.REPORT, ReportKind.SUSPECTED_DATA_BREACH, T0);
  }

  private static Incident breach(Incident incident, boolean processor) {
    if (processor) {
      incident =
          TriageRules.processingRecorded(
                  incident,
                  new ProcessingRoles(
                      ProcessingRoles.OperatorRole.PROCESSOR,
                      new ProcessingRoles.Party("Controller Ltd", "dpo@controller.test", null),
                      List.of()),
                  RESPONDER,
                  T0)
              .incident();
    }
    return TriageRules.triage(
            incident,
            Triage.Input.classified(Classification.BREACH, Severity.P2, RiskLevel.HIGH),
            RESPONDER,
            T0.plusSeconds(60))
        .incident();
  }

  private static Incident regime(Incident incident, String regime) {
    return MilestoneRules.regimeTriggered(
            incident, regime, new RegimeTrigger(T0, T0, "r@x.test", null, null), RESPONDER, T0)
        .incident();
  }

  private static Measure measure(String id, Instant done) {
    return new Measure(
        id,
        MeasureType.CORRECTIVE,
        null,
        "patch",
        "platform",
        T0.plus(Duration.ofDays(2)),
        done == null ? MeasureStatus.PLANNED : MeasureStatus.DONE,
        null,
        "r@x.test",
        T0,
        done);
  }

  private static Communication sent(String stage) {
    return new Communication(
        "COM-" + Math.abs(stage.hashCode()),
        Audience.COMPETENT_AUTHORITY,
        "portal",
        "report",
        T0.plus(Duration.ofHours(1)),
        null,
        stage,
        null,
        "legal@x.test",
        T0.plus(Duration.ofHours(1)),
        null,
        null);
  }

  private static Deadline find(List<Deadline> clocks, String key) {
    return clocks.stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
  }
}
