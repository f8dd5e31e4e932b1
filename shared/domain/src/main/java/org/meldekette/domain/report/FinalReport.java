package org.meldekette.domain.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.meldekette.domain.Hashes;
import org.meldekette.domain.Incident;
import org.meldekette.domain.Phase;
import org.meldekette.domain.ProcessingRoles;
import org.meldekette.domain.TimelineEntry;
import org.meldekette.domain.Triage;
import org.meldekette.domain.risk.RiskAcceptance;
import org.meldekette.domain.risk.RiskScore;

/**
 * The final report of an incident, as data (for JSON) and rendered (Markdown): the complete
 * timeline with phase durations, classification and scope, CIA impact, decision log,
 * communications, measures with owners and effectiveness checks, evidence references, and every
 * deadline met or missed.
 */
public final class FinalReport {
  private final Templates templates;
  private final DocumentTimes times;

  public FinalReport(Templates templates, DocumentTimes times) {
    this.templates = templates;
    this.times = times;
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
    report.put("operationRestoredAt", incident.milestones().operationRestoredAt());
    report.put("closedAt", incident.closedAt());
    report.put("generatedAt", now);
    report.put("rootCause", incident.assessment().rootCause());
    report.put("lessonsLearned", incident.assessment().lessonsLearned());
    report.put("missing", missing(incident));
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
    classification.put("firstClassifiedAsBreachAt", t == null ? null : t.breachClassifiedAt());
    classification.put("confidentiality", t == null ? null : t.cia().confidentiality());
    classification.put("integrity", t == null ? null : t.cia().integrity());
    classification.put("availability", t == null ? null : t.cia().availability());
    report.put("classification", classification);
    report.put("riskAssessment", riskAssessment(incident.riskAcceptance()));
    ProcessingRoles processing = incident.processing();
    report.put(
        "processing",
        row(
            "role",
            processing.role(),
            "controller",
            processing.controller() == null ? null : processing.controller().name(),
            "processors",
            String.join(
                ", ", processing.processors().stream().map(ProcessingRoles.Party::name).toList())));
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
                        d.delayReasons(),
                        "exception",
                        d.exception(),
                        "restsOn",
                        d.restsOn()))
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
                        c.delayReasons(),
                        "recordedAt",
                        c.recordedAt(),
                        "timeJustification",
                        c.timeJustification()))
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
                        "doneAt",
                        m.doneAt(),
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
                        d.label(),
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

  /**
   * Renders report data (a working draft, or a frozen version) as Markdown, times in words: the
   * source of every way the report is read (HTML, PDF, plain text).
   */
  public String render(Map<String, Object> data, String language) {
    return templates.render(
        "final-report", language, TemplateValues.forReaders(data, times, language));
  }

  /**
   * The report as a reader without need-to-know for the incident's communications sees it: the
   * communications left out, and a note that they are.
   */
  public static Map<String, Object> withoutCommunications(Map<String, Object> data) {
    Map<String, Object> restricted = new LinkedHashMap<>(data);
    restricted.remove("communications");
    restricted.put("communicationsRestricted", true);
    return restricted;
  }

  /** What the final report must contain and the incident does not know yet. */
  static List<String> missing(Incident incident) {
    List<String> missing = new ArrayList<>();
    if (incident.milestones().operationRestoredAt() == null) {
      missing.add("operationRestoredAt");
    }
    if (incident.assessment().rootCause() == null) {
      missing.add("rootCause");
    }
    if (incident.assessment().lessonsLearned() == null) {
      missing.add("lessonsLearned");
    }
    return missing;
  }

  /**
   * The report as issued: its data as canonical JSON (keys sorted, so the same data always reads
   * the same) and the SHA-256 of it, stored together so any later change shows.
   */
  public record Frozen(String json, String sha256) {
    public static Frozen of(Map<String, Object> data) {
      String json = CANONICAL.toJson(sorted(data));
      return new Frozen(json, Hashes.sha256(json));
    }

    /** The data back, for rendering; what the hash was taken over. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> data() {
      return CANONICAL.fromJson(json, LinkedHashMap.class);
    }

    /** Whether the stored JSON still has the hash it was issued with. */
    public boolean intact() {
      return Hashes.sha256(json).equals(sha256);
    }
  }

  private static final Gson CANONICAL =
      new GsonBuilder()
          .disableHtmlEscaping()
          .serializeNulls()
          .setObjectToNumberStrategy(com.google.gson.ToNumberPolicy.LONG_OR_DOUBLE)
          .create();

  @SuppressWarnings("unchecked")
  private static Object sorted(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put((String) k, sorted(v)));
      return sorted;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(FinalReport::sorted).toList();
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    return value instanceof Instant instant ? instant.toString() : value;
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

  /** The risk assessment the risk rests on: method, score, band, and who decided. */
  private static Map<String, Object> riskAssessment(RiskAcceptance a) {
    if (a == null) {
      return null;
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("assessmentId", a.assessmentId());
    view.put("method", a.method());
    view.put("severity", RiskScore.plain(a.severity()));
    view.put("band", a.band());
    view.put("risk", a.risk());
    view.put("decision", a.overridden() ? "OVERRIDDEN" : "ACCEPTED");
    view.put("overridden", a.overridden());
    view.put("reason", a.reason());
    view.put("decidedBy", a.decidedBy());
    view.put("signedAs", a.signedAs());
    view.put("decidedAt", a.decidedAt());
    return view;
  }
}
