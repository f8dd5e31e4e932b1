package org.meldekette.domain.assurance;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.meldekette.domain.Audience;
import org.meldekette.domain.Communication;
import org.meldekette.domain.Incident;
import org.meldekette.domain.Measure;
import org.meldekette.domain.MeasureStatus;
import org.meldekette.domain.MeasureType;
import org.meldekette.domain.deadline.Deadline;
import org.meldekette.domain.deadline.DeadlineStatus;
import org.meldekette.domain.report.IncidentFile;

/**
 * The figures an ISMS and a customer's auditor ask for, from the incidents detected in a period:
 * incidents per month by classification, severity and source; time to triage, to containment and to
 * closure; how each clock was kept; notifications per audience; corrective and preventive measures
 * and their effectiveness. Computed from the records alone, so the same records always give the
 * same figures.
 *
 * <p>Time to triage runs from detection to leaving triage, to containment from detection to the
 * first containment measure done, to closure from detection to closing (incidents closed as not an
 * incident count too: closing them is work).
 */
public final class IncidentMetrics {
  private IncidentMetrics() {}

  /** The months are counted in this zone: a controller's month, not UTC's. */
  public static Metrics of(
      List<IncidentFile> files, Instant from, Instant to, ZoneId zone, Instant now) {
    Map<YearMonth, Month> months = new TreeMap<>();
    for (YearMonth m = YearMonth.from(from.atZone(zone));
        !m.atDay(1).atStartOfDay(zone).toInstant().isAfter(to.minusNanos(1));
        m = m.plusMonths(1)) {
      months.put(m, new Month(m.toString()));
    }
    List<Duration> triage = new ArrayList<>();
    List<Duration> containment = new ArrayList<>();
    List<Duration> closure = new ArrayList<>();
    Map<String, Clock> clocks = new TreeMap<>();
    Map<Audience, Integer> notifications = new TreeMap<>();
    Map<MeasureType, MeasureFigures> measures = new LinkedHashMap<>();
    measures.put(MeasureType.CORRECTIVE, new MeasureFigures());
    measures.put(MeasureType.PREVENTIVE, new MeasureFigures());
    for (IncidentFile file : files) {
      Incident incident = file.incident();
      Month month = months.get(YearMonth.from(incident.detectedAt().atZone(zone)));
      if (month == null) {
        continue;
      }
      month.count(incident);
      Instant detected = incident.detectedAt();
      if (incident.milestones().triagedAt() != null) {
        triage.add(Duration.between(detected, incident.milestones().triagedAt()));
      }
      Instant contained = containedAt(file);
      if (contained != null) {
        containment.add(Duration.between(detected, contained));
      }
      if (incident.closedAt() != null) {
        closure.add(Duration.between(detected, incident.closedAt()));
      }
      for (Deadline d : file.deadlines()) {
        clocks
            .computeIfAbsent(d.stage().key(), k -> new Clock(k, d.stage().label()))
            .count(incident.id(), d, file.communications(), now);
      }
      for (Communication c : file.communications()) {
        notifications.merge(c.audience(), 1, Integer::sum);
      }
      for (Measure m : file.measures()) {
        MeasureFigures figures = measures.get(m.type());
        if (figures != null) {
          figures.count(m, now);
        }
      }
    }
    int total = months.values().stream().mapToInt(Month::total).sum();
    return new Metrics(
        from,
        to,
        zone.getId(),
        now,
        total,
        List.copyOf(months.values()),
        Durations.of(triage),
        Durations.of(containment),
        Durations.of(closure),
        List.copyOf(clocks.values()),
        notifications,
        measures);
  }

  /** When the incident was contained: its first containment measure done, or null. */
  static Instant containedAt(IncidentFile file) {
    return file.measures().stream()
        .filter(m -> m.type() == MeasureType.CONTAINMENT && m.status() == MeasureStatus.DONE)
        .map(Measure::doneAt)
        .filter(Objects::nonNull)
        .min(Instant::compareTo)
        .orElse(null);
  }

  /** The figures, ready for JSON, CSV and charts. */
  public record Metrics(
      Instant from,
      Instant to,
      String zone,
      Instant generatedAt,
      int incidents,
      List<Month> months,
      Durations timeToTriage,
      Durations timeToContainment,
      Durations timeToClosure,
      List<Clock> clocks,
      Map<Audience, Integer> notifications,
      Map<MeasureType, MeasureFigures> measures) {}

  /** One calendar month of the period. */
  public static final class Month {
    private final String month;
    private int total;
    private final Map<String, Integer> byClassification = new TreeMap<>();
    private final Map<String, Integer> bySeverity = new TreeMap<>();
    private final Map<String, Integer> bySource = new TreeMap<>();

    Month(String month) {
      this.month = month;
    }

    void count(Incident incident) {
      total++;
      var triage = incident.triage();
      String classification =
          triage == null || triage.classification() == null
              ? "UNCLASSIFIED"
              : triage.classification().name();
      String severity =
          triage == null || triage.severity() == null ? "UNRATED" : triage.severity().name();
      byClassification.merge(classification, 1, Integer::sum);
      bySeverity.merge(severity, 1, Integer::sum);
      bySource.merge(incident.source().name(), 1, Integer::sum);
    }

    public String month() {
      return month;
    }

    public int total() {
      return total;
    }

    public Map<String, Integer> byClassification() {
      return byClassification;
    }

    public Map<String, Integer> bySeverity() {
      return bySeverity;
    }

    public Map<String, Integer> bySource() {
      return bySource;
    }
  }

  /** How one clock (a regime's stage) was kept across the period's incidents. */
  public static final class Clock {
    private final String key;
    private final String label;
    private int met;
    private int metLate;
    private int missed;
    private int stopped;
    private int open;
    private final List<Map<String, String>> lateReasons = new ArrayList<>();

    Clock(String key, String label) {
      this.key = key;
      this.label = label;
    }

    void count(String incidentId, Deadline d, List<Communication> sent, Instant now) {
      DeadlineStatus status = d.status(now);
      switch (status) {
        case MET -> met++;
        case MET_LATE -> {
          metLate++;
          String reasons =
              sent.stream()
                  .filter(c -> d.stage().key().equals(c.stage()) && c.delayReasons() != null)
                  .map(Communication::delayReasons)
                  .findFirst()
                  .orElse(null);
          Map<String, String> late = new LinkedHashMap<>();
          late.put("incidentId", incidentId);
          late.put("reasons", reasons);
          lateReasons.add(late);
        }
        case MISSED -> missed++;
        case STOPPED -> stopped++;
        case OPEN, OVERDUE -> open++;
      }
    }

    public String key() {
      return key;
    }

    public String label() {
      return label;
    }

    public int met() {
      return met;
    }

    public int metLate() {
      return metLate;
    }

    public int missed() {
      return missed;
    }

    public int stopped() {
      return stopped;
    }

    public int open() {
      return open;
    }

    public List<Map<String, String>> lateReasons() {
      return lateReasons;
    }
  }

  /** Corrective or preventive measures: where they stand and whether they worked. */
  public static final class MeasureFigures {
    private int open;
    private int overdue;
    private int done;
    private int cancelled;
    private final Map<String, Integer> effectiveness = new TreeMap<>();

    void count(Measure m, Instant now) {
      switch (m.status()) {
        case PLANNED, IN_PROGRESS -> {
          open++;
          if (m.dueAt() != null && m.dueAt().isBefore(now)) {
            overdue++;
          }
        }
        case DONE -> done++;
        case CANCELLED -> cancelled++;
      }
      if (m.status() != MeasureStatus.CANCELLED) {
        effectiveness.merge(
            m.effectiveness() == null ? "NOT_CHECKED" : m.effectiveness().result().name(),
            1,
            Integer::sum);
      }
    }

    public int open() {
      return open;
    }

    public int overdue() {
      return overdue;
    }

    public int done() {
      return done;
    }

    public int cancelled() {
      return cancelled;
    }

    public Map<String, Integer> effectiveness() {
      return effectiveness;
    }
  }
}
