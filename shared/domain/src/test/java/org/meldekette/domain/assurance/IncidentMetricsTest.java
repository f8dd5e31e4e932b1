package org.meldekette.domain.assurance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meldekette.domain.Audience;
import org.meldekette.domain.CiaImpact;
import org.meldekette.domain.Classification;
import org.meldekette.domain.Communication;
import org.meldekette.domain.Effectiveness;
import org.meldekette.domain.EffectivenessResult;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentSource;
import org.meldekette.domain.Measure;
import org.meldekette.domain.MeasureStatus;
import org.meldekette.domain.MeasureType;
import org.meldekette.domain.Milestones;
import org.meldekette.domain.Phase;
import org.meldekette.domain.Severity;
import org.meldekette.domain.Triage;
import org.meldekette.domain.deadline.Deadline;
import org.meldekette.domain.deadline.Regimes;
import org.meldekette.domain.deadline.Stage;
import org.meldekette.domain.report.IncidentFile;

/**
 * Metrics from seeded incidents with known times, against figures worked out by hand (written
 * beside each assertion). Berlin time: 31 January 23:30 UTC is already February there.
 */
class IncidentMetricsTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant FROM = Instant.parse("2025-12-31T23:00:00Z"); // 1 Jan, Berlin
  private static final Instant TO = Instant.parse("2026-03-31T22:00:00Z"); // 1 Apr, Berlin
  private static final Instant NOW = Instant.parse("2026-04-15T10:00:00Z");
  private static final Stage ART33 = Regimes.shipped("GDPR").stage("GDPR/ART33");

  private static Instant t(String at) {
    return Instant.parse(at);
  }

  private static Incident incident(
      String id,
      IncidentSource source,
      Classification classification,
      Severity severity,
      Instant detected,
      Instant triaged,
      Instant closed) {
    Triage triage =
        classification == null
            ? null
            : new Triage(
                classification,
                severity,
                new CiaImpact(null, null, null),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                detected,
                null,
                null,
                null,
                null);
    return new Incident(
        id,
        "t",
        source,
        null,
        closed == null ? Phase.CONTAINMENT : Phase.CLOSED,
        detected,
        detected,
        detected,
        1,
        triage,
        null,
        closed,
        null,
        new Milestones(triaged, null, null, null, 0, null, null, null),
        null,
        null,
        null,
        null,
        null,
        false,
        null,
        null);
  }

  private static Measure measure(
      MeasureType type, MeasureStatus status, Instant due, Instant done, EffectivenessResult r) {
    return new Measure(
        "MSR-" + Math.abs((type + "" + status + due + done).hashCode()),
        type,
        null,
        "do it",
        type == MeasureType.CONTAINMENT ? null : "owner@x.test",
        due,
        status,
        r == null ? null : new Effectiveness(r, null, "x@x.test", done),
        "x@x.test",
        FROM,
        done);
  }

  private static Communication sent(Audience audience, Instant at, String stage, String late) {
    return new Communication(
        "COM-" + Math.abs((audience + "" + at).hashCode()),
        audience,
        "portal",
        "sent",
        at,
        audience == Audience.SUPERVISORY_AUTHORITY ? Communication.Notification.INITIAL : null,
        stage,
        late,
        "legal@x.test",
        at,
        null,
        null);
  }

  private static IncidentFile file(
      Incident incident,
      List<Deadline> deadlines,
      List<Measure> measures,
      List<Communication> sent) {
    return new IncidentFile(incident, deadlines, measures, List.of(), List.of(), sent, List.of());
  }

  private static List<IncidentFile> seeded() {
    // A: a breach reported in January: triaged after 2 h, contained after 5 h, closed after 10
    // days;
    //    Art. 33 met after 48 h.
    Instant a = t("2026-01-10T08:00:00Z");
    IncidentFile fileA =
        file(
            incident(
                "INC-A",
                IncidentSource.REPORT,
                Classification.BREACH,
                Severity.P2,
                a,
                a.plus(Duration.ofHours(2)),
                a.plus(Duration.ofDays(10))),
            List.of(new Deadline(ART33, a, a.plusSeconds(72 * 3600), a.plusSeconds(48 * 3600))),
            List.of(
                measure(
                    MeasureType.CONTAINMENT,
                    MeasureStatus.DONE,
                    null,
                    a.plusSeconds(5 * 3600),
                    null),
                measure(
                    MeasureType.CORRECTIVE,
                    MeasureStatus.DONE,
                    a.plus(Duration.ofDays(5)),
                    a.plus(Duration.ofDays(4)),
                    EffectivenessResult.EFFECTIVE)),
            List.of(
                sent(
                    Audience.SUPERVISORY_AUTHORITY, a.plusSeconds(48 * 3600), "GDPR/ART33", null)));
    // B: an alert late on 31 January UTC, which is February in Berlin: triaged after 4 h,
    //    contained after 1 h; still open. Art. 33 met late (80 h) with reasons.
    Instant b = t("2026-01-31T23:30:00Z");
    IncidentFile fileB =
        file(
            incident(
                "INC-B",
                IncidentSource.ALERT,
                Classification.BREACH,
                Severity.P1,
                b,
                b.plus(Duration.ofHours(4)),
                null),
            List.of(new Deadline(ART33, b, b.plusSeconds(72 * 3600), b.plusSeconds(80 * 3600))),
            List.of(
                measure(
                    MeasureType.CONTAINMENT, MeasureStatus.DONE, null, b.plusSeconds(3600), null),
                measure(
                    MeasureType.CORRECTIVE,
                    MeasureStatus.PLANNED,
                    t("2026-04-01T00:00:00Z"),
                    null,
                    null),
                measure(
                    MeasureType.PREVENTIVE,
                    MeasureStatus.IN_PROGRESS,
                    t("2026-05-01T00:00:00Z"),
                    null,
                    null)),
            List.of(
                sent(
                    Audience.SUPERVISORY_AUTHORITY,
                    b.plusSeconds(80 * 3600),
                    "GDPR/ART33",
                    "The processor told us only on day three."),
                sent(Audience.DATA_SUBJECTS, b.plusSeconds(90 * 3600), "GDPR/ART34", null)));
    // C: a plain incident in February by staff: triaged after 6 h, closed after 1 day.
    Instant c = t("2026-02-14T12:00:00Z");
    IncidentFile fileC =
        file(
            incident(
                "INC-C",
                IncidentSource.STAFF,
                Classification.INCIDENT,
                Severity.P3,
                c,
                c.plus(Duration.ofHours(6)),
                c.plus(Duration.ofDays(1))),
            List.of(),
            List.of(
                measure(
                    MeasureType.PREVENTIVE,
                    MeasureStatus.DONE,
                    c.plus(Duration.ofDays(3)),
                    c.plus(Duration.ofDays(2)),
                    EffectivenessResult.NOT_EFFECTIVE)),
            List.of());
    // D: a report in March not yet triaged; its Art. 33 clock ran out unmet at closing.
    Instant d = t("2026-03-20T09:00:00Z");
    IncidentFile fileD =
        file(
            incident("INC-D", IncidentSource.REPORT, null, null, d, null, null),
            List.of(
                new Deadline(ART33, null, d, d.plusSeconds(72 * 3600), null, null, null, null)
                    .settled(
                        org.meldekette.domain.deadline.DeadlineStatus.MISSED,
                        d.plusSeconds(100 * 3600))),
            List.of(),
            List.of());
    // E: outside the period (April in Berlin): not counted anywhere.
    Instant e = t("2026-03-31T22:30:00Z");
    IncidentFile fileE =
        file(
            incident(
                "INC-E", IncidentSource.REPORT, Classification.BREACH, Severity.P1, e, e, null),
            List.of(),
            List.of(),
            List.of(sent(Audience.SUPERVISORY_AUTHORITY, e, "GDPR/ART33", null)));
    return List.of(fileA, fileB, fileC, fileD, fileE);
  }

  @Test
  void incidentsPerMonthCountInTheControllersZone() {
    IncidentMetrics.Metrics m = IncidentMetrics.of(seeded(), FROM, TO, BERLIN, NOW);
    assertThat(m.incidents()).isEqualTo(4);
    assertThat(m.months())
        .extracting(IncidentMetrics.Month::month)
        .containsExactly("2026-01", "2026-02", "2026-03");
    assertThat(m.months()).extracting(IncidentMetrics.Month::total).containsExactly(1, 2, 1);
    assertThat(m.months().get(1).byClassification()).isEqualTo(Map.of("BREACH", 1, "INCIDENT", 1));
    assertThat(m.months().get(1).bySource()).isEqualTo(Map.of("ALERT", 1, "STAFF", 1));
    assertThat(m.months().get(2).bySeverity()).isEqualTo(Map.of("UNRATED", 1));
    assertThat(m.months().get(0).bySeverity()).isEqualTo(Map.of("P2", 1));
  }

  @Test
  void durationsAreMedianAndNinetiethPercentileByNearestRank() {
    IncidentMetrics.Metrics m = IncidentMetrics.of(seeded(), FROM, TO, BERLIN, NOW);
    // Triage 2 h, 4 h, 6 h (D not triaged): median rank ⌈1.5⌉ = 2 → 4 h; p90 rank ⌈2.7⌉ = 3 → 6 h.
    assertThat(m.timeToTriage()).isEqualTo(new Durations(3, 240L, 360L));
    // Containment 5 h (A), 1 h (B): sorted 1 h, 5 h; median rank 1 → 1 h; p90 rank ⌈1.8⌉ = 2 → 5 h.
    assertThat(m.timeToContainment()).isEqualTo(new Durations(2, 60L, 300L));
    // Closure 10 d (A), 1 d (C): median 1 d = 1440 min; p90 10 d = 14400 min.
    assertThat(m.timeToClosure()).isEqualTo(new Durations(2, 1440L, 14400L));
  }

  @Test
  void eachClockSaysMetOnTimeLateWithItsReasonsOrMissed() {
    IncidentMetrics.Metrics m = IncidentMetrics.of(seeded(), FROM, TO, BERLIN, NOW);
    assertThat(m.clocks()).hasSize(1);
    IncidentMetrics.Clock art33 = m.clocks().get(0);
    assertThat(art33.key()).isEqualTo("GDPR/ART33");
    assertThat(art33.met()).isEqualTo(1);
    assertThat(art33.metLate()).isEqualTo(1);
    assertThat(art33.missed()).isEqualTo(1);
    assertThat(art33.lateReasons())
        .containsExactly(
            Map.of("incidentId", "INC-B", "reasons", "The processor told us only on day three."));
  }

  @Test
  void notificationsPerAudienceAndMeasuresWithTheirEffectiveness() {
    IncidentMetrics.Metrics m = IncidentMetrics.of(seeded(), FROM, TO, BERLIN, NOW);
    // E's notification lies outside the period.
    assertThat(m.notifications())
        .isEqualTo(Map.of(Audience.SUPERVISORY_AUTHORITY, 2, Audience.DATA_SUBJECTS, 1));
    IncidentMetrics.MeasureFigures corrective = m.measures().get(MeasureType.CORRECTIVE);
    // A's done and effective; B's planned, due 1 April, overdue on 15 April.
    assertThat(corrective.open()).isEqualTo(1);
    assertThat(corrective.overdue()).isEqualTo(1);
    assertThat(corrective.done()).isEqualTo(1);
    assertThat(corrective.effectiveness()).isEqualTo(Map.of("EFFECTIVE", 1, "NOT_CHECKED", 1));
    IncidentMetrics.MeasureFigures preventive = m.measures().get(MeasureType.PREVENTIVE);
    // B's in progress, due 1 May: open, not overdue; C's done but not effective.
    assertThat(preventive.open()).isEqualTo(1);
    assertThat(preventive.overdue()).isZero();
    assertThat(preventive.effectiveness()).isEqualTo(Map.of("NOT_EFFECTIVE", 1, "NOT_CHECKED", 1));
  }

  @Test
  void aPeriodWithoutIncidentsHasEmptyFiguresNotErrors() {
    IncidentMetrics.Metrics m = IncidentMetrics.of(List.of(), FROM, TO, BERLIN, NOW);
    assertThat(m.incidents()).isZero();
    assertThat(m.months()).hasSize(3);
    assertThat(m.timeToTriage()).isEqualTo(new Durations(0, null, null));
  }
}
