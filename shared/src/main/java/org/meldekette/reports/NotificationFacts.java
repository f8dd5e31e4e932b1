package org.meldekette.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.meldekette.domain.Assessment;
import org.meldekette.domain.Audience;
import org.meldekette.domain.Communication;
import org.meldekette.domain.Decision;
import org.meldekette.domain.DecisionType;
import org.meldekette.domain.Incident;
import org.meldekette.domain.MeasureStatus;
import org.meldekette.domain.Triage;
import org.meldekette.store.DeadlineDocuments;

/**
 * The items a notification must contain, read off the incident: each one known or {@code null}, and the
 * list of the required ones still missing, so a draft never leaves a gap silently.
 *
 * @param items item name → value (text, number, or a list of maps for repeated parts); null = not known
 * @param missing the required items whose value is not known yet, in the order of the law's list
 */
public record NotificationFacts(Map<String, Object> items, List<String> missing) {

  /** GDPR Art. 33(3) (a)–(d), plus the reasons for a delay when the 72 hours have passed (Art. 33(1)). */
  public static NotificationFacts authority(IncidentFile file, ReportConfig config, Instant now) {
    Incident incident = file.incident();
    Triage triage = incident.triage();
    Assessment a = incident.assessment();
    Map<String, Object> items = new LinkedHashMap<>();
    items.put("incidentId", incident.id());
    items.put("controller", config.controllerName());
    items.put("awarenessAt", triage == null || triage.awarenessAt() == null ? null : triage.awarenessAt().toString());
    items.put("detectedAt", incident.detectedAt().toString());
    items.put("nature", a.nature());
    items.put("dataSubjectCategories", a.dataSubjectCategories());
    items.put("estimatedDataSubjects", triage == null ? null : triage.estimatedDataSubjects());
    items.put("dataCategories", triage == null || triage.dataCategories().isEmpty() ? null
        : String.join(", ", triage.dataCategories()));
    items.put("estimatedRecords", triage == null ? null : triage.estimatedRecords());
    items.put("dpoName", config.dpoName());
    items.put("dpoContact", config.dpoContact());
    items.put("likelyConsequences", a.likelyConsequences());
    items.put("measures", measures(file));
    List<String> required = new ArrayList<>(List.of("controller", "awarenessAt", "nature", "dataSubjectCategories",
        "estimatedDataSubjects", "dataCategories", "estimatedRecords", "dpoName", "dpoContact", "likelyConsequences",
        "measures"));
    Optional<DeadlineDocuments.StoredDeadline> art33 = file.deadlines().stream()
        .filter(d -> d.key().equals("GDPR/ART33")).findFirst();
    boolean late = art33.isPresent() && now.isAfter(art33.get().dueAt());
    items.put("late", late);
    if (late) {
      items.put("delayReasons", file.decisions().stream().filter(d -> d.type() == DecisionType.NOTIFY_AUTHORITY)
          .map(Decision::delayReasons).filter(Objects::nonNull).reduce((x, y) -> y).orElse(null));
      required.add("delayReasons");
    }
    return of(items, required);
  }

  /** GDPR Art. 34(2): in clear and plain language, the items of Art. 33(3)(b)–(d) and advice. */
  public static NotificationFacts dataSubjects(IncidentFile file, ReportConfig config) {
    Incident incident = file.incident();
    Assessment a = incident.assessment();
    Map<String, Object> items = new LinkedHashMap<>();
    items.put("incidentId", incident.id());
    items.put("controller", config.controllerName());
    items.put("nature", a.nature());
    items.put("dataCategories", incident.triage() == null || incident.triage().dataCategories().isEmpty() ? null
        : String.join(", ", incident.triage().dataCategories()));
    items.put("dpoName", config.dpoName());
    items.put("dpoContact", config.dpoContact());
    items.put("likelyConsequences", a.likelyConsequences());
    items.put("measures", measures(file));
    items.put("advice", a.adviceToDataSubjects());
    return of(items, List.of("controller", "nature", "dataCategories", "dpoName", "dpoContact", "likelyConsequences",
        "measures", "advice"));
  }

  /** The last notification sent to the supervisory authority, if any. */
  public static Optional<Communication> lastAuthorityNotification(IncidentFile file) {
    return file.communications().stream().filter(c -> c.audience() == Audience.SUPERVISORY_AUTHORITY)
        .max(Comparator.comparing(Communication::sentAt));
  }

  /** What changed since a notification stated {@code sent}: item, what was stated, what is known now. */
  public List<Map<String, Object>> changesSince(Map<String, Object> sent) {
    List<Map<String, Object>> changes = new ArrayList<>();
    for (Map.Entry<String, Object> item : items.entrySet()) {
      if (item.getKey().equals("late") || item.getKey().equals("delayReasons")) {
        continue;
      }
      Object before = sent.get(item.getKey());
      if (!Objects.equals(normal(before), normal(item.getValue()))) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("item", item.getKey());
        change.put("before", before == null ? "—" : String.valueOf(before));
        change.put("now", item.getValue() == null ? "—" : String.valueOf(item.getValue()));
        changes.add(change);
      }
    }
    return changes;
  }

  /** Values as they come back from storage: whole numbers as longs, lists and maps as they are. */
  private static Object normal(Object value) {
    return value instanceof Number n && !(value instanceof Double) ? (Object) n.longValue() : value;
  }

  private static List<Map<String, Object>> measures(IncidentFile file) {
    List<Map<String, Object>> measures = new ArrayList<>();
    file.measures().stream().filter(m -> m.status() != MeasureStatus.CANCELLED).forEach(m -> {
      Map<String, Object> measure = new LinkedHashMap<>();
      measure.put("type", m.type().name());
      measure.put("description", m.description());
      measure.put("status", m.status().name());
      measures.add(measure);
    });
    return measures.isEmpty() ? null : measures;
  }

  private static NotificationFacts of(Map<String, Object> items, List<String> required) {
    List<String> missing = required.stream().filter(key -> items.get(key) == null).toList();
    return new NotificationFacts(items, missing);
  }
}
