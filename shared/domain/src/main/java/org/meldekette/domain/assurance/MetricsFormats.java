package org.meldekette.domain.assurance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.report.Csv;

/** The figures as JSON and as CSV (one row per figure: section, key, measure, value). */
public final class MetricsFormats {
  private MetricsFormats() {}

  public static Map<String, Object> json(IncidentMetrics.Metrics m) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("from", m.from().toString());
    view.put("to", m.to().toString());
    view.put("zone", m.zone());
    view.put("generatedAt", m.generatedAt().toString());
    view.put("incidents", m.incidents());
    view.put(
        "months",
        m.months().stream()
            .map(
                month -> {
                  Map<String, Object> row = new LinkedHashMap<>();
                  row.put("month", month.month());
                  row.put("total", month.total());
                  row.put("byClassification", month.byClassification());
                  row.put("bySeverity", month.bySeverity());
                  row.put("bySource", month.bySource());
                  return row;
                })
            .toList());
    Map<String, Object> durations = new LinkedHashMap<>();
    durations.put("timeToTriage", m.timeToTriage());
    durations.put("timeToContainment", m.timeToContainment());
    durations.put("timeToClosure", m.timeToClosure());
    view.put("durations", durations);
    view.put(
        "clocks",
        m.clocks().stream()
            .map(
                c -> {
                  Map<String, Object> row = new LinkedHashMap<>();
                  row.put("key", c.key());
                  row.put("label", c.label());
                  row.put("met", c.met());
                  row.put("metLate", c.metLate());
                  row.put("missed", c.missed());
                  row.put("stopped", c.stopped());
                  row.put("open", c.open());
                  row.put("lateReasons", c.lateReasons());
                  return row;
                })
            .toList());
    view.put("notifications", m.notifications());
    Map<String, Object> measures = new LinkedHashMap<>();
    m.measures()
        .forEach(
            (type, f) -> {
              Map<String, Object> row = new LinkedHashMap<>();
              row.put("open", f.open());
              row.put("overdue", f.overdue());
              row.put("done", f.done());
              row.put("cancelled", f.cancelled());
              row.put("effectiveness", f.effectiveness());
              measures.put(type.name(), row);
            });
    view.put("measures", measures);
    return view;
  }

  public static String csv(IncidentMetrics.Metrics m) {
    List<String> rows = new ArrayList<>();
    rows.add("section,key,measure,value");
    for (IncidentMetrics.Month month : m.months()) {
      rows.add(row("incidents", month.month(), "total", month.total()));
      month
          .byClassification()
          .forEach((k, v) -> rows.add(row("classification", month.month(), k, v)));
      month.bySeverity().forEach((k, v) -> rows.add(row("severity", month.month(), k, v)));
      month.bySource().forEach((k, v) -> rows.add(row("source", month.month(), k, v)));
    }
    durations(rows, "timeToTriage", m.timeToTriage());
    durations(rows, "timeToContainment", m.timeToContainment());
    durations(rows, "timeToClosure", m.timeToClosure());
    for (IncidentMetrics.Clock c : m.clocks()) {
      rows.add(row("clock", c.key(), "met", c.met()));
      rows.add(row("clock", c.key(), "metLate", c.metLate()));
      rows.add(row("clock", c.key(), "missed", c.missed()));
      rows.add(row("clock", c.key(), "stopped", c.stopped()));
      rows.add(row("clock", c.key(), "open", c.open()));
    }
    m.notifications().forEach((k, v) -> rows.add(row("notifications", k.name(), "count", v)));
    m.measures()
        .forEach(
            (type, f) -> {
              rows.add(row("measures", type.name(), "open", f.open()));
              rows.add(row("measures", type.name(), "overdue", f.overdue()));
              rows.add(row("measures", type.name(), "done", f.done()));
              rows.add(row("measures", type.name(), "cancelled", f.cancelled()));
              f.effectiveness()
                  .forEach((k, v) -> rows.add(row("effectiveness", type.name(), k, v)));
            });
    return String.join("\r\n", rows) + "\r\n";
  }

  private static void durations(List<String> rows, String key, Durations d) {
    rows.add(row("durations", key, "count", d.count()));
    rows.add(row("durations", key, "medianMinutes", d.medianMinutes()));
    rows.add(row("durations", key, "p90Minutes", d.p90Minutes()));
  }

  private static String row(String section, String key, String measure, Object value) {
    return String.join(",", Csv.cell(section), Csv.cell(key), Csv.cell(measure), Csv.cell(value));
  }
}
