package org.meldekette.domain.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.meldekette.domain.Assessment;
import org.meldekette.domain.Audience;
import org.meldekette.domain.Communication;
import org.meldekette.domain.Incident;
import org.meldekette.domain.MeasureStatus;
import org.meldekette.domain.ProcessingRoles;
import org.meldekette.domain.RegimeTrigger;
import org.meldekette.domain.Triage;
import org.meldekette.domain.deadline.Deadline;
import org.meldekette.domain.deadline.Stage;
import org.meldekette.domain.risk.RiskAcceptance;
import org.meldekette.domain.risk.RiskScore;

/**
 * What a notification can say, read off the incident: a catalogue of items (each known or {@code
 * null}), and of those a stage's draft must contain, the ones still missing — so a draft never
 * leaves a gap silently. Which items a stage needs is data ({@code draftItems} in the regimes
 * file), so a new regime needs no code.
 *
 * @param items item name → value (text, or a list of maps for repeated parts); null = not known
 * @param missing the items the stage requires whose value is not known yet, in the stage's order
 */
public record NotificationFacts(Map<String, Object> items, List<String> missing) {

  /**
   * The facts for a stage's draft at {@code now}, including the reasons for a delay once it is
   * overdue.
   */
  public static NotificationFacts forStage(
      IncidentFile file, ReportConfig config, Stage stage, Instant now) {
    Map<String, Object> items = catalogue(file, config, stage.regime());
    List<String> required = new ArrayList<>(stage.draftItems());
    Optional<Deadline> deadline =
        file.deadlines().stream().filter(d -> d.key().equals(stage.key())).findFirst();
    deadline.ifPresent(d -> items.put("dueAt", d.dueAt().toString()));
    boolean late = deadline.isPresent() && now.isAfter(deadline.get().dueAt());
    items.put("late", late);
    if (late && !stage.lateNeedsReasons().isEmpty()) {
      items.put("delayReasons", delayReasons(file, stage));
      required.add("delayReasons");
    }
    return new NotificationFacts(
        items, required.stream().filter(key -> items.get(key) == null).toList());
  }

  /**
   * Every item a template may use. Booleans also as {@code <name>Yes}/{@code <name>No} for wording.
   */
  static Map<String, Object> catalogue(IncidentFile file, ReportConfig config, String regime) {
    Incident incident = file.incident();
    Triage t = incident.triage();
    Assessment a = incident.assessment();
    Map<String, Object> items = new LinkedHashMap<>();
    items.put("incidentId", incident.id());
    items.put("controller", config.controllerName());
    items.put("dpoName", config.dpoName());
    items.put("dpoContact", config.dpoContact());
    items.put("detectedAt", incident.detectedAt().toString());
    items.put("closedAt", incident.closedAt() == null ? null : incident.closedAt().toString());
    items.put("ongoing", !incident.isClosed());
    items.put(
        "awarenessAt", t == null || t.awarenessAt() == null ? null : t.awarenessAt().toString());
    items.put(
        "classification",
        t == null || t.classification() == null ? null : t.classification().name());
    items.put("severity", t == null || t.severity() == null ? null : t.severity().name());
    items.put(
        "cia",
        t == null || !t.cia().isComplete()
            ? null
            : "confidentiality "
                + t.cia().confidentiality()
                + ", integrity "
                + t.cia().integrity()
                + ", availability "
                + t.cia().availability());
    items.put(
        "affectedSystems",
        t == null || t.affectedSystems().isEmpty() ? null : String.join(", ", t.affectedSystems()));
    items.put("estimatedDataSubjects", t == null ? null : t.estimatedDataSubjects());
    items.put(
        "dataCategories",
        t == null || t.dataCategories().isEmpty() ? null : String.join(", ", t.dataCategories()));
    items.put("estimatedRecords", t == null ? null : t.estimatedRecords());
    items.put("nature", a.nature());
    items.put("dataSubjectCategories", a.dataSubjectCategories());
    RiskAcceptance risk = incident.riskAcceptance();
    // The case file's own words first; else what the accepted risk assessment found.
    items.put(
        "likelyConsequences",
        a.likelyConsequences() != null
            ? a.likelyConsequences()
            : risk == null ? null : risk.consequences());
    items.put("riskMethod", risk == null ? null : risk.method());
    items.put("riskSeverity", risk == null ? null : RiskScore.plain(risk.severity()));
    items.put("riskBand", risk == null ? null : risk.band().name());
    items.put("riskLevel", risk == null ? null : risk.risk().name());
    items.put(
        "riskDecidedAs", risk == null || risk.signedAs() == null ? null : risk.signedAs().name());
    items.put("adviceToDataSubjects", a.adviceToDataSubjects());
    yesNo(items, "maliciousActSuspected", a.maliciousActSuspected());
    yesNo(items, "crossBorderImpact", a.crossBorderImpact());
    items.put("indicatorsOfCompromise", a.indicatorsOfCompromise());
    items.put("rootCause", a.rootCause());
    items.put("mitigation", a.mitigation());
    items.put("lessonsLearned", a.lessonsLearned());
    ProcessingRoles processing = incident.processing();
    items.put(
        "controllerNotified",
        processing.controller() == null
            ? null
            : processing.controller().name()
                + (processing.controller().contact() == null
                    ? ""
                    : ", " + processing.controller().contact()));
    // Acting as processor, the operator named in CONTROLLER_NAME is the processor that notifies.
    items.put("processorName", processing.actingAsProcessor() ? config.controllerName() : null);
    items.put("measures", measures(file));
    RegimeTrigger trigger = regime == null ? null : incident.regimes().get(regime);
    items.put("regimeTriggeredAt", trigger == null ? null : trigger.triggeredAt().toString());
    items.put("regimeAwareAt", trigger == null ? null : trigger.awareAt().toString());
    return items;
  }

  /** The last notification sent to the supervisory authority, if any. */
  public static Optional<Communication> lastAuthorityNotification(IncidentFile file) {
    return file.communications().stream()
        .filter(c -> c.audience() == Audience.SUPERVISORY_AUTHORITY)
        .max(Comparator.comparing(Communication::sentAt));
  }

  /**
   * What changed since a notification stated {@code sent}: item, what was stated, what is known
   * now.
   */
  public List<Map<String, Object>> changesSince(Map<String, Object> sent) {
    List<Map<String, Object>> changes = new ArrayList<>();
    for (Map.Entry<String, Object> item : items.entrySet()) {
      if (List.of("late", "delayReasons", "dueAt", "ongoing").contains(item.getKey())
          || item.getKey().endsWith("Yes")
          || item.getKey().endsWith("No")) {
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

  /** The latest reasons for a delay given with a decision or communication that meets the stage. */
  private static String delayReasons(IncidentFile file, Stage stage) {
    Stream<String> fromDecisions =
        file.decisions().stream()
            .filter(
                d ->
                    stage.satisfiedBy().contains("decision:" + d.type().name())
                        || stage.lateNeedsReasons().contains("decision:" + d.type().name()))
            .map(d -> d.delayReasons());
    Stream<String> fromCommunications =
        file.communications().stream()
            .filter(
                c ->
                    stage.key().equals(c.stage())
                        || stage.lateNeedsReasons().contains(c.satisfier()))
            .map(Communication::delayReasons);
    return Stream.concat(fromDecisions, fromCommunications)
        .filter(Objects::nonNull)
        .reduce((x, y) -> y)
        .orElse(null);
  }

  private static void yesNo(Map<String, Object> items, String name, Boolean value) {
    items.put(name, value == null ? null : value.toString());
    items.put(name + "Yes", Boolean.TRUE.equals(value));
    items.put(name + "No", Boolean.FALSE.equals(value));
  }

  /** Values as they come back from storage: whole numbers as longs, lists and maps as they are. */
  private static Object normal(Object value) {
    return value instanceof Number n && !(value instanceof Double) ? (Object) n.longValue() : value;
  }

  private static List<Map<String, Object>> measures(IncidentFile file) {
    List<Map<String, Object>> measures = new ArrayList<>();
    file.measures().stream()
        .filter(m -> m.status() != MeasureStatus.CANCELLED)
        .forEach(
            m -> {
              Map<String, Object> measure = new LinkedHashMap<>();
              measure.put("type", m.type().name());
              measure.put("description", m.description());
              measure.put("status", m.status().name());
              measures.add(measure);
            });
    return measures.isEmpty() ? null : measures;
  }
}
