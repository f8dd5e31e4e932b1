package org.meldekette.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/** A triage as plain values (strings, numbers, lists) for the timeline's before and after. */
public final class TriageView {
  private TriageView() {}

  public static Map<String, Object> of(Triage triage) {
    Map<String, Object> view = new LinkedHashMap<>();
    if (triage == null) {
      return view;
    }
    put(view, "classification", triage.classification());
    put(view, "severity", triage.severity());
    put(view, "cia.confidentiality", triage.cia().confidentiality());
    put(view, "cia.integrity", triage.cia().integrity());
    put(view, "cia.availability", triage.cia().availability());
    put(view, "scope", triage.scope());
    put(
        view,
        "affectedSystems",
        triage.affectedSystems().isEmpty() ? null : triage.affectedSystems());
    put(view, "dataDomains", triage.dataDomains().isEmpty() ? null : triage.dataDomains());
    put(view, "dataCategories", triage.dataCategories().isEmpty() ? null : triage.dataCategories());
    put(view, "estimatedDataSubjects", triage.estimatedDataSubjects());
    put(view, "estimatedRecords", triage.estimatedRecords());
    put(view, "initialRisk", triage.initialRisk());
    put(view, "awarenessAt", triage.awarenessAt());
    put(view, "awarenessJustification", triage.awarenessJustification());
    return view;
  }

  static void put(Map<String, Object> view, String key, Object value) {
    if (value instanceof Enum<?> e) {
      view.put(key, e.name());
    } else if (value instanceof java.time.Instant instant) {
      view.put(key, instant.toString());
    } else if (value != null) {
      view.put(key, value);
    }
  }
}
