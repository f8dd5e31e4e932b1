package org.meldekette.lifecycle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.Communication;
import org.meldekette.domain.Conflict;
import org.meldekette.domain.Decision;
import org.meldekette.domain.DismissalRequest;
import org.meldekette.domain.Incident;
import org.meldekette.domain.Measure;
import org.meldekette.domain.Member;
import org.meldekette.domain.ReporterMessage;
import org.meldekette.domain.SkipRequest;
import org.meldekette.domain.TimelineEntry;
import org.meldekette.domain.Triage;
import org.meldekette.domain.TriageChangeRequest;
import org.meldekette.domain.alert.AlertRecord;
import org.meldekette.domain.deadline.Deadline;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.deadline.DeadlineStatus;
import org.meldekette.http.ETags;

/** The JSON shapes of the API: records rendered as maps (nulls are left out on output). */
final class Views {
  private Views() {}

  static Map<String, Object> incident(Incident i) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", i.id());
    view.put("title", i.title());
    view.put("source", i.source());
    view.put("reportKind", i.reportKind());
    view.put("phase", i.phase());
    view.put("detectedAt", i.detectedAt());
    view.put("createdAt", i.createdAt());
    view.put("updatedAt", i.updatedAt());
    view.put("version", i.version());
    view.put("etag", ETags.of(i.version()));
    view.put("triage", triage(i.triage()));
    view.put("noEvidenceJustification", i.noEvidenceJustification());
    view.put("closedAt", i.closedAt());
    view.put("closure", i.closure());
    view.put("held", i.held() ? true : null);
    view.put("milestones", i.milestones());
    view.put("assessment", i.assessment());
    view.put("team", i.team());
    view.put("customers", i.customers().isEmpty() ? null : i.customers());
    view.put("processing", i.processing());
    view.put("regimes", i.regimes().isEmpty() ? null : i.regimes());
    view.put("sourceUrl", i.sourceUrl());
    view.put("riskAcceptance", RiskViews.acceptance(i.riskAcceptance()));
    return view;
  }

  /** An incident in a list: with its next open deadline. */
  static Map<String, Object> incidentSummary(Incident i, List<Deadline> deadlines, Instant now) {
    Map<String, Object> view = incident(i);
    DeadlinePolicy.next(deadlines).ifPresent(next -> view.put("nextDeadline", deadline(next, now)));
    return view;
  }

  /**
   * The incident with what still blocks leaving its phase, and every clock side by side, earliest
   * first.
   */
  static Map<String, Object> incidentDetail(
      Incident i, List<Conflict.Unmet> unmet, List<Deadline> deadlines, Instant now) {
    Map<String, Object> view = incidentSummary(i, deadlines, now);
    if (!i.isClosed()) {
      view.put("nextPhase", i.phase().next());
      view.put("unmetExitCriteria", unmet);
    }
    view.put(
        "deadlines",
        deadlines.stream()
            .sorted(java.util.Comparator.comparing(Deadline::dueAt))
            .map(d -> deadline(d, now))
            .toList());
    deadlines.stream()
        .filter(d -> d.key().equals("INTERNAL/FINAL_REPORT"))
        .findFirst()
        .ifPresent(d -> view.put("finalReportDueAt", d.dueAt()));
    return view;
  }

  /** A clock: what, since when, due when, and met, open with time left, or overdue. */
  static Map<String, Object> deadline(Deadline d, Instant now) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("regime", d.stage().regime());
    view.put("stage", d.stage().id());
    view.put("subject", d.subject());
    view.put("label", d.label());
    view.put("startedAt", d.startedAt());
    view.put("dueAt", d.dueAt());
    DeadlineStatus status = d.status(now);
    view.put("status", status);
    view.put("atClosure", d.stage().atClosure());
    if (status.isMet()) {
      view.put("metAt", d.metAt());
    } else if (!d.isOpen()) {
      view.put("settledAt", d.settledAt()); // closed unmet: missed, or stopped
    } else {
      view.put("secondsLeft", d.timeLeft(now).getSeconds());
      if (d.isInProgress()) {
        // Decided, not yet sent: the clock runs until the notification itself is recorded.
        view.put("progress", "DECIDED_NOT_SENT");
        view.put("decidedAt", d.progressAt());
      }
    }
    return view;
  }

  static Map<String, Object> triage(Triage t) {
    if (t == null) {
      return null;
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("classification", t.classification());
    view.put("severity", t.severity());
    Map<String, Object> cia = new LinkedHashMap<>();
    cia.put("confidentiality", t.cia().confidentiality());
    cia.put("integrity", t.cia().integrity());
    cia.put("availability", t.cia().availability());
    view.put("cia", cia);
    view.put("scope", t.scope());
    view.put("affectedSystems", t.affectedSystems());
    view.put("dataDomains", t.dataDomains());
    view.put("dataCategories", t.dataCategories());
    view.put("estimatedDataSubjects", t.estimatedDataSubjects());
    view.put("estimatedRecords", t.estimatedRecords());
    view.put("initialRisk", t.initialRisk());
    view.put("breachClassifiedAt", t.breachClassifiedAt());
    view.put("awarenessAt", t.awarenessAt());
    view.put("awarenessJustification", t.awarenessJustification());
    return view;
  }

  static Map<String, Object> measure(Measure m) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", m.id());
    view.put("type", m.type());
    view.put("containmentKind", m.containmentKind());
    view.put("description", m.description());
    view.put("owner", m.owner());
    view.put("dueAt", m.dueAt());
    view.put("status", m.status());
    view.put("effectiveness", m.effectiveness());
    view.put("createdBy", m.createdBy());
    view.put("createdAt", m.createdAt());
    view.put("doneAt", m.doneAt());
    view.put("control", m.control());
    return view;
  }

  static Map<String, Object> reporterMessage(ReporterMessage m) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", m.id());
    view.put("direction", m.direction());
    view.put("text", m.text());
    view.put("at", m.at());
    view.put("author", m.author());
    return view;
  }

  static Map<String, Object> decision(Decision d) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", d.id());
    view.put("type", d.type());
    view.put("reasoning", d.reasoning());
    view.put("responsible", d.responsible());
    view.put("signedAs", d.signedAs());
    view.put("decidedAt", d.decidedAt());
    view.put("corrects", d.corrects());
    view.put("delayReasons", d.delayReasons());
    view.put("exception", d.exception());
    view.put("restsOn", d.restsOn());
    return view;
  }

  static Map<String, Object> dismissalRequest(String incidentId, DismissalRequest r) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", r.id());
    view.put("incidentId", incidentId);
    view.put("reason", r.reason());
    view.put("justification", r.justification());
    view.put("requestedBy", r.requestedBy());
    view.put("requestedAt", r.requestedAt());
    view.put("status", r.status());
    view.put("approvedBy", r.approvedBy());
    view.put("approvedAt", r.approvedAt());
    return view;
  }

  static Map<String, Object> skipRequest(SkipRequest s) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", s.id());
    view.put("from", s.from());
    view.put("to", s.to());
    view.put("justification", s.justification());
    view.put("requestedBy", s.requestedBy());
    view.put("requestedAt", s.requestedAt());
    view.put("status", s.status());
    view.put("approvedBy", s.approvedBy());
    view.put("approvedAt", s.approvedAt());
    return view;
  }

  static Map<String, Object> triageChange(TriageChangeRequest r) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", r.id());
    view.put("facts", r.facts());
    view.put("justification", r.justification());
    view.put("requestedBy", r.requestedBy());
    view.put("requestedAt", r.requestedAt());
    view.put("status", r.status());
    view.put("approvedBy", r.approvedBy());
    view.put("approvedAt", r.approvedAt());
    return view;
  }

  static Map<String, Object> timelineEntry(TimelineEntry e) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", e.id());
    view.put("at", e.at());
    view.put("type", e.type());
    view.put("actor", Map.of("kind", e.actorKind(), "id", e.actorId()));
    view.put("summary", e.summary());
    view.put("before", e.before().isEmpty() ? null : e.before());
    view.put("after", e.after().isEmpty() ? null : e.after());
    return view;
  }

  static Map<String, Object> alert(AlertRecord a) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("state", a.state());
    view.put("signal", a.signal());
    view.put("severity", a.severity());
    view.put("rule", a.rule());
    view.put("policyName", a.policyName());
    view.put("resource", a.resourceName());
    view.put("url", a.url());
    view.put("startedAt", a.startedAt());
    view.put("endedAt", a.endedAt());
    return view;
  }

  /** A communication without the facts it stated (those are in the drafts). */
  static Map<String, Object> communication(Communication c) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", c.id());
    view.put("audience", c.audience());
    view.put("channel", c.channel());
    view.put("summary", c.summary());
    view.put("sentAt", c.sentAt());
    view.put("notification", c.notification());
    view.put("stage", c.stage());
    view.put("delayReasons", c.delayReasons());
    view.put("recordedBy", c.recordedBy());
    view.put("recordedAt", c.recordedAt());
    view.put("timeJustification", c.timeJustification());
    return view;
  }

  static Map<String, Object> member(Member m) {
    return Map.of(
        "email",
        m.email(),
        "roles",
        m.roles().stream().map(Enum::name).sorted().toList(),
        "active",
        m.active());
  }
}
