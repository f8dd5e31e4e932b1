package org.meldekette.domain.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.Incident;
import org.meldekette.domain.Phase;
import org.meldekette.domain.TimelineEntry;
import org.meldekette.domain.Triage;

/**
 * The final report of an incident, as data (for JSON) and rendered (Markdown, or HTML for
 * printing): the complete timeline with phase durations, classification and scope, CIA impact,
 * decision log, communications, measures with owners and effectiveness checks, evidence references,
 * and every deadline met or missed.
 */
public final class FinalReport {
  private final Templates templates;

  public FinalReport(Templates templates) {
    this.templates = templates;
  }

  public Map<String, Object> data(IncidentFile file, Instant now) {
    Incident incident = file.incident();
    Triage t = incident.triage();
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("incidentId", incident.id());
    report.put("title", incident.title());
    report.put("source", incident.source());
    report.put("phase", incident.phase());
    report.put("detectedAt", incident.detectedAt());
    report.put("closedAt", incident.closedAt());
    report.put("generatedAt", now);
    Map<String, Object> classification = new LinkedHashMap<>();
    classification.put("classification", t == null ? null : t.classification());
    classification.put("severity", t == null ? null : t.severity());
    classification.put("scope", t == null ? null : t.scope());
    classification.put(
        "affectedSystems", t == null ? null : String.join(", ", t.affectedSystems()));
    classification.put("dataDomains", t == null ? null : String.join(", ", t.dataDomains()));
    classification.put("dataCategories", t == null ? null : String.join(", ", t.dataCategories()));
    classification.put("estimatedDataSubjects", t == null ? null : t.estimatedDataSubjects());
    classification.put("estimatedRecords", t == null ? null : t.estimatedRecords());
    classification.put("initialRisk", t == null ? null : t.initialRisk());
    classification.put("awarenessAt", t == null ? null : t.awarenessAt());
    classification.put("confidentiality", t == null ? null : t.cia().confidentiality());
    classification.put("integrity", t == null ? null : t.cia().integrity());
    classification.put("availability", t == null ? null : t.cia().availability());
    report.put("classification", classification);
    report.put("phases", phases(incident, file.timeline(), now));
    report.put(
        "timeline",
        file.timeline().stream()
            .map(
                e ->
                    row(
                        "at",
                        e.at(),
                        "type",
                        e.type(),
                        "actor",
                        e.actorId(),
                        "summary",
                        e.summary()))
            .toList());
    report.put(
        "decisions",
        file.decisions().stream()
            .map(
                d ->
                    row(
                        "decidedAt",
                        d.decidedAt(),
                        "type",
                        d.type(),
                        "responsible",
                        d.responsible(),
                        "signedAs",
                        d.signedAs(),
                        "reasoning",
                        d.reasoning(),
                        "corrects",
                        d.corrects(),
                        "delayReasons",
                        d.delayReasons()))
            .toList());
    report.put(
        "communications",
        file.communications().stream()
            .map(
                c ->
                    row(
                        "sentAt",
                        c.sentAt(),
                        "audience",
                        c.audience(),
                        "channel",
                        c.channel(),
                        "summary",
                        c.summary(),
                        "notification",
                        c.notification(),
                        "stage",
                        c.stage(),
                        "delayReasons",
                        c.delayReasons()))
            .toList());
    report.put(
        "measures",
        file.measures().stream()
            .map(
                m ->
                    row(
                        "type",
                        m.type(),
                        "description",
                        m.description(),
                        "owner",
                        m.owner(),
                        "dueAt",
                        m.dueAt(),
                        "status",
                        m.status(),
                        "effectiveness",
                        m.effectiveness() == null ? null : m.effectiveness().result(),
                        "checkedBy",
                        m.effectiveness() == null ? null : m.effectiveness().checkedBy(),
                        "checkedAt",
                        m.effectiveness() == null ? null : m.effectiveness().checkedAt()))
            .toList());
    report.put(
        "evidence",
        file.evidence().stream()
            .map(
                e ->
                    row(
                        "id",
                        e.id(),
                        "source",
                        e.source(),
                        "location",
                        e.location(),
                        "sha256",
                        e.sha256(),
                        "collectedBy",
                        e.collectedBy(),
                        "collectedAt",
                        e.collectedAt()))
            .toList());
    report.put(
        "deadlines",
        file.deadlines().stream()
            .map(
                d ->
                    row(
                        "label",
                        d.stage().label(),
                        "dueAt",
                        d.dueAt(),
                        "metAt",
                        d.metAt(),
                        "outcome",
                        d.status(now)))
            .toList());
    file.deadlines().stream()
        .filter(d -> d.key().equals("INTERNAL/FINAL_REPORT"))
        .findFirst()
        .ifPresent(d -> report.put("finalReportDueAt", d.dueAt()));
    return report;
  }

  public String render(IncidentFile file, String language, boolean html, Instant now) {
    return templates.render(
        html ? "final-report-html" : "final-report", language, TemplateValues.of(data(file, now)));
  }

  /** Each phase the incident went through, when it entered and left, and how long it stayed. */
  static List<Map<String, Object>> phases(
      Incident incident, List<TimelineEntry> timeline, Instant now) {
    List<Map<String, Object>> phases = new ArrayList<>();
    Phase current = Phase.DETECTION_TRIAGE;
    Instant since = incident.detectedAt();
    for (TimelineEntry entry : timeline) {
      Object next = entry.after().get("phase");
      boolean move =
          entry.type().equals("PHASE_CHANGED")
              || entry.type().equals("SKIP_APPROVED")
              || entry.type().equals("REOPENED");
      if (!move || next == null) {
        continue;
      }
      phases.add(
          row(
              "phase",
              current,
              "enteredAt",
              since,
              "leftAt",
              entry.at(),
              "duration",
              duration(Duration.between(since, entry.at()))));
      Object skipped = entry.after().get("skippedPhases");
      if (skipped instanceof List<?> list) {
        for (Object phase : list) {
          phases.add(row("phase", phase, "skipped", true, "duration", "skipped"));
        }
      }
      current = Phase.valueOf(String.valueOf(next));
      since = entry.at();
    }
    if (current != Phase.CLOSED) {
      phases.add(
          row(
              "phase",
              current,
              "enteredAt",
              since,
              "duration",
              duration(Duration.between(since, now)) + " (ongoing)"));
    }
    return phases;
  }

  static String duration(Duration d) {
    long minutes = Math.max(0, d.toMinutes());
    return (minutes / 1440 > 0 ? minutes / 1440 + " d " : "")
        + (minutes / 60) % 24
        + " h "
        + minutes % 60
        + " min";
  }

  static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      Object value = keysAndValues[i + 1];
      row.put((String) keysAndValues[i], value instanceof Enum<?> e ? e.name() : value);
    }
    return row;
  }
}
