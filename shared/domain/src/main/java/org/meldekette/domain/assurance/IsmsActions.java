package org.meldekette.domain.assurance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentSource;
import org.meldekette.domain.Measure;
import org.meldekette.domain.MeasureStatus;
import org.meldekette.domain.MeasureType;
import org.meldekette.domain.report.Csv;
import org.meldekette.domain.report.IncidentFile;

/**
 * The corrective and preventive measures of incidents as actions of the information security
 * management system: owner, due date, status, the effectiveness check, the incident's root cause
 * and lessons learned, and the ISO/IEC 27001:2022 Annex A controls they concern. Every action
 * concerns A.5.25 (assessment and decision on events) and A.5.27 (learning from incidents); a
 * corrective one A.5.26 (response), a preventive one A.5.24 (planning and preparation); an incident
 * someone reported A.6.8 (event reporting), a personal data breach A.5.34 (privacy and protection
 * of PII); and the control staff chose for the measure.
 */
public final class IsmsActions {
  private IsmsActions() {}

  public static final List<String> COLUMNS =
      List.of(
          "actionId",
          "incidentId",
          "type",
          "description",
          "owner",
          "dueAt",
          "status",
          "overdue",
          "doneAt",
          "effectiveness",
          "effectivenessNote",
          "checkedAt",
          "controls",
          "rootCause",
          "lessonsLearned");

  public static List<Map<String, Object>> of(List<IncidentFile> files, Instant now) {
    List<Map<String, Object>> actions = new ArrayList<>();
    for (IncidentFile file : files) {
      Incident incident = file.incident();
      for (Measure m : file.measures()) {
        if (m.type() == MeasureType.CONTAINMENT) {
          continue;
        }
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("actionId", m.id());
        action.put("incidentId", incident.id());
        action.put("type", m.type().name());
        action.put("description", m.description());
        action.put("owner", m.owner());
        action.put("dueAt", text(m.dueAt()));
        action.put("status", m.status().name());
        action.put(
            "overdue",
            m.dueAt() != null
                && m.dueAt().isBefore(now)
                && m.status() != MeasureStatus.DONE
                && m.status() != MeasureStatus.CANCELLED);
        action.put("doneAt", text(m.doneAt()));
        action.put(
            "effectiveness", m.effectiveness() == null ? null : m.effectiveness().result().name());
        action.put(
            "effectivenessNote", m.effectiveness() == null ? null : m.effectiveness().note());
        action.put(
            "checkedAt", m.effectiveness() == null ? null : text(m.effectiveness().checkedAt()));
        action.put("controls", String.join(" ", controls(incident, m)));
        action.put("rootCause", incident.assessment().rootCause());
        action.put("lessonsLearned", incident.assessment().lessonsLearned());
        actions.add(action);
      }
    }
    return actions;
  }

  public static String csv(List<Map<String, Object>> actions) {
    return Csv.of(String.join(",", COLUMNS), COLUMNS, actions);
  }

  static List<String> controls(Incident incident, Measure m) {
    Set<String> controls = new LinkedHashSet<>();
    if (m.type() == MeasureType.PREVENTIVE) {
      controls.add("A.5.24");
    }
    controls.add("A.5.25");
    if (m.type() == MeasureType.CORRECTIVE) {
      controls.add("A.5.26");
    }
    controls.add("A.5.27");
    if (incident.isBreach() || incident.wasEverBreach()) {
      controls.add("A.5.34");
    }
    if (incident.source() == IncidentSource.REPORT) {
      controls.add("A.6.8");
    }
    if (m.control() != null) {
      controls.add(m.control());
    }
    return List.copyOf(controls);
  }

  private static String text(Instant at) {
    return at == null ? null : at.toString();
  }
}
