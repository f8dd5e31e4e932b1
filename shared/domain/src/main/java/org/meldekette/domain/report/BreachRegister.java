package org.meldekette.domain.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.meldekette.domain.Audience;
import org.meldekette.domain.Communication;
import org.meldekette.domain.Decision;
import org.meldekette.domain.DecisionType;
import org.meldekette.domain.Incident;
import org.meldekette.domain.MeasureStatus;
import org.meldekette.domain.TimelineEntry;
import org.meldekette.domain.Triage;
import org.meldekette.domain.risk.RiskAcceptance;
import org.meldekette.domain.risk.RiskScore;

/**
 * The register of personal data breaches GDPR Art. 33(5) asks the controller to keep: every breach
 * with its facts, effects and the remedial action taken, including those not notified and why.
 */
public final class BreachRegister {
  /** The columns, in order: the JSON field names and the CSV columns. */
  public static final List<String> COLUMNS =
      List.of(
          "incidentId",
          "detectedAt",
          "awarenessAt",
          "classification",
          "classificationHistory",
          "operatorRole",
          "phase",
          "nature",
          "dataSubjectCategories",
          "estimatedDataSubjects",
          "dataCategories",
          "estimatedRecords",
          "effects",
          "riskMethod",
          "riskSeverity",
          "riskBand",
          "risk",
          "riskDecidedBy",
          "remedialAction",
          "authorityDecision",
          "authorityDecisionReasoning",
          "authorityNotifiedAt",
          "dataSubjectDecision",
          "dataSubjectDecisionReasoning",
          "dataSubjectException",
          "dataSubjectsInformedAt");

  private final Templates templates;
  private final DocumentTimes times;

  public BreachRegister(Templates templates, DocumentTimes times) {
    this.templates = templates;
    this.times = times;
  }

  public Map<String, Object> row(IncidentFile file) {
    Incident incident = file.incident();
    Triage t = incident.triage();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("incidentId", incident.id());
    row.put("detectedAt", incident.detectedAt().toString());
    row.put(
        "awarenessAt", t == null || t.awarenessAt() == null ? null : t.awarenessAt().toString());
    row.put(
        "classification",
        t == null || t.classification() == null ? null : t.classification().name());
    row.put("classificationHistory", classificationHistory(file));
    row.put("operatorRole", incident.processing().role().name());
    row.put("phase", incident.phase().name());
    row.put("nature", incident.assessment().nature());
    row.put("dataSubjectCategories", incident.assessment().dataSubjectCategories());
    row.put("estimatedDataSubjects", t == null ? null : t.estimatedDataSubjects());
    row.put("dataCategories", t == null ? null : String.join(", ", t.dataCategories()));
    row.put("estimatedRecords", t == null ? null : t.estimatedRecords());
    RiskAcceptance risk = incident.riskAcceptance();
    row.put(
        "effects",
        incident.assessment().likelyConsequences() != null
            ? incident.assessment().likelyConsequences()
            : risk == null ? null : risk.consequences());
    row.put("riskMethod", risk == null ? null : risk.method());
    row.put("riskSeverity", risk == null ? null : RiskScore.plain(risk.severity()));
    row.put("riskBand", risk == null ? null : risk.band().name());
    row.put("risk", t == null || t.initialRisk() == null ? null : t.initialRisk().name());
    row.put(
        "riskDecidedBy",
        risk == null
            ? null
            : risk.decidedBy()
                + " ("
                + risk.signedAs()
                + (risk.overridden() ? ", overridden: " + risk.reason() : ", accepted")
                + ")");
    row.put(
        "remedialAction",
        file.measures().stream()
            .filter(m -> m.status() != MeasureStatus.CANCELLED)
            .map(m -> m.description() + " (" + m.status() + ")")
            .collect(Collectors.joining("; ")));
    Decision authority =
        latest(file, DecisionType.NOTIFY_AUTHORITY, DecisionType.NO_AUTHORITY_NOTIFICATION);
    row.put("authorityDecision", authority == null ? null : authority.type().name());
    row.put("authorityDecisionReasoning", authority == null ? null : authority.reasoning());
    row.put("authorityNotifiedAt", firstSent(file, Audience.SUPERVISORY_AUTHORITY));
    Decision subjects =
        latest(file, DecisionType.NOTIFY_DATA_SUBJECTS, DecisionType.NO_DATA_SUBJECT_NOTIFICATION);
    row.put("dataSubjectDecision", subjects == null ? null : subjects.type().name());
    row.put("dataSubjectDecisionReasoning", subjects == null ? null : subjects.reasoning());
    row.put(
        "dataSubjectException",
        subjects == null || subjects.exception() == null ? null : subjects.exception().name());
    row.put("dataSubjectsInformedAt", firstSent(file, Audience.DATA_SUBJECTS));
    return row;
  }

  /**
   * How the classification changed, from the timeline: when, from what to what, under which change
   * (a reclassification of a breach needs LEGAL's or the DPO's sign-off) and by whom.
   */
  static String classificationHistory(IncidentFile file) {
    List<String> steps = new ArrayList<>();
    for (TimelineEntry entry : file.timeline()) {
      if (!entry.after().containsKey("classification")
          && !entry.before().containsKey("classification")) {
        continue;
      }
      Object from = entry.before().get("classification");
      Object to = entry.after().get("classification");
      String justification = (String) entry.after().get("justification");
      steps.add(
          entry.at()
              + ": "
              + (from == null ? "none" : from)
              + " → "
              + (to == null ? "none" : to)
              + " ("
              + entry.type()
              + ", "
              + entry.actorId()
              + (justification == null ? "" : "; " + justification)
              + ")");
    }
    return steps.isEmpty() ? null : String.join("; ", steps);
  }

  /**
   * The register as CSV (RFC 4180), its header row in {@code language} from the header template.
   */
  public String csv(List<Map<String, Object>> rows, String language) {
    return Csv.of(String.join(",", labels(language)), COLUMNS, rows);
  }

  /**
   * The register as a document to read and print (Markdown): one part per breach, each column named
   * in {@code language}, times in words.
   */
  public String markdown(
      List<Map<String, Object>> rows, String language, Instant from, Instant to, Instant now) {
    List<String> labels = labels(language);
    List<Map<String, Object>> breaches = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      List<Map<String, Object>> cells = new ArrayList<>();
      for (int i = 1; i < COLUMNS.size(); i++) {
        String column = COLUMNS.get(i);
        Object value = times.shown(column, row.get(column), language);
        cells.add(
            Map.of(
                "label",
                labels.get(i),
                "value",
                value == null || value.toString().isBlank() ? "—" : value.toString()));
      }
      breaches.add(Map.of("incidentId", row.get("incidentId"), "cells", cells));
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("from", times.words(from, language));
    view.put("to", times.words(to, language));
    view.put("generatedAt", times.words(now, language));
    view.put("count", String.valueOf(rows.size()));
    view.put("breaches", breaches);
    return templates.render("breach-register", language, view);
  }

  /** The columns' names in {@code language}, from the header template (one per column). */
  List<String> labels(String language) {
    List<String> labels =
        List.of(templates.render("breach-register-header", language, Map.of()).strip().split(","));
    if (labels.size() != COLUMNS.size()) {
      throw new IllegalStateException(
          "breach-register-header."
              + language
              + " names "
              + labels.size()
              + " columns, not "
              + COLUMNS.size());
    }
    return labels;
  }

  private static Decision latest(IncidentFile file, DecisionType... types) {
    List<DecisionType> wanted = List.of(types);
    return file.decisions().stream()
        .filter(d -> wanted.contains(d.type()))
        .max(Comparator.comparing(Decision::decidedAt))
        .orElse(null);
  }

  private static String firstSent(IncidentFile file, Audience audience) {
    return file.communications().stream()
        .filter(c -> c.audience() == audience)
        .map(Communication::sentAt)
        .min(Instant::compareTo)
        .map(Instant::toString)
        .orElse(null);
  }
}
