package org.meldekette.lifecycle;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meldekette.audit.AuditEntries;
import org.meldekette.domain.AuditVerification;
import org.meldekette.domain.Classification;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentRecords;
import org.meldekette.domain.NotFound;
import org.meldekette.domain.Phase;
import org.meldekette.domain.ReporterContact;
import org.meldekette.domain.RetentionExtension;
import org.meldekette.domain.Role;
import org.meldekette.domain.Severity;
import org.meldekette.domain.TimelineEntry;
import org.meldekette.domain.deadline.Offset;
import org.meldekette.domain.lifecycle.ExitCriteria;
import org.meldekette.http.ApiException;
import org.meldekette.http.StaffCall;
import org.meldekette.json.EvidenceView;
import org.meldekette.store.AuditTrail;
import org.meldekette.store.IncidentQueries;
import org.meldekette.store.Page;
import org.meldekette.store.ReportStore;
import org.meldekette.store.StoredIncident;

/** The read side: lists, one incident with what blocks its next phase, its timeline and records. */
final class IncidentReads {
  private final IncidentQueries queries;
  private final AuditTrail audit;
  private final Offset retention;
  private final ReportStore reports;

  /**
   * @param retention how long incident records are kept after closure ({@code INCIDENT_RETENTION})
   */
  IncidentReads(IncidentQueries queries, AuditTrail audit, Offset retention, ReportStore reports) {
    this.queries = queries;
    this.audit = audit;
    this.retention = retention;
    this.reports = reports;
  }

  void list(StaffCall call, Map<String, String> params) throws IOException {
    call.require(StaffCall.STAFF);
    String sort = call.query("sort");
    if (sort != null && !sort.equals("createdAt") && !sort.equals("nextDeadline")) {
      throw ApiException.badRequest(
          "sort", "INVALID_VALUE", "sort must be createdAt or nextDeadline");
    }
    String overdue = call.query("overdue");
    if (overdue != null && !overdue.equals("true") && !overdue.equals("false")) {
      throw ApiException.badRequest("overdue", "INVALID_VALUE", "overdue must be true or false");
    }
    String mine = call.query("mine");
    if (mine != null && !mine.equals("true") && !mine.equals("false")) {
      throw ApiException.badRequest("mine", "INVALID_VALUE", "mine must be true or false");
    }
    String held = call.query("held");
    if (held != null && !held.equals("true") && !held.equals("false")) {
      throw ApiException.badRequest("held", "INVALID_VALUE", "held must be true or false");
    }
    IncidentQueries.Filter filter =
        new IncidentQueries.Filter(
            enumQuery(call, "phase", Phase.class),
            enumQuery(call, "classification", Classification.class),
            enumQuery(call, "severity", Severity.class),
            "true".equals(overdue) ? call.now() : null,
            "nextDeadline".equals(sort),
            "true".equals(mine) ? call.member().email() : null,
            held == null ? null : Boolean.valueOf(held));
    Page<StoredIncident> page = queries.list(filter, call.pageSize(), call.query("pageToken"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "incidents",
        page.items().stream()
            .map(stored -> Views.incidentSummary(stored.incident(), stored.deadlines(), call.now()))
            .toList());
    body.put("nextPageToken", page.nextPageToken());
    call.reply().json(200, body);
  }

  void get(StaffCall call, Map<String, String> params) throws IOException {
    call.require(StaffCall.STAFF);
    StoredIncident stored = queries.getStored(call.incidentId(params));
    Incident incident = stored.incident();
    IncidentRecords records = queries.records(stored);
    Map<String, Object> view =
        Views.incidentDetail(
            incident,
            ExitCriteria.unmet(incident.phase(), incident, records, stored.deadlines()),
            stored.deadlines(),
            call.now());
    if (incident.closedAt() != null) {
      view.put("retainUntil", retainUntil(incident.closedAt(), records.retentionExtensions()));
    }
    call.ok(incident.version(), view);
  }

  /** Closure plus the retention period, or later while a retention extension runs longer. */
  private Instant retainUntil(Instant closedAt, List<RetentionExtension> extensions) {
    Instant until = retention.after(closedAt);
    for (RetentionExtension extension : extensions) {
      if (extension.status() != RetentionExtension.Status.LIFTED
          && extension.until().isAfter(until)) {
        until = extension.until();
      }
    }
    return until;
  }

  void timeline(StaffCall call, Map<String, String> params) throws IOException {
    call.require(StaffCall.STAFF);
    String id = call.incidentId(params);
    queries.get(id);
    Page<TimelineEntry> page = queries.timeline(id, call.pageSize(), call.query("pageToken"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("entries", page.items().stream().map(Views::timelineEntry).toList());
    body.put("nextPageToken", page.nextPageToken());
    call.reply().json(200, body);
  }

  /** {@code GET /incidents/{id}/audit}: every audit event about the incident, oldest first. */
  void audit(StaffCall call, Map<String, String> params) throws IOException {
    String id = existing(call, params);
    call.reply()
        .json(
            200,
            Map.of(
                "events", audit.eventsOfIncident(id).stream().map(AuditEntries::payload).toList()));
  }

  /**
   * {@code GET /incidents/{id}/audit/verify}: recomputes the incident's chain and those of its
   * alerts; intact, or the first broken event.
   */
  void verifyAudit(StaffCall call, Map<String, String> params) throws IOException {
    String id = existing(call, params);
    List<AuditVerification.Result> results = audit.verifyIncident(id);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("intact", results.stream().allMatch(AuditVerification.Result::intact));
    body.put("streams", results);
    results.stream()
        .filter(r -> !r.intact())
        .findFirst()
        .ifPresent(
            broken ->
                body.put(
                    "firstBroken",
                    Map.of(
                        "stream",
                        broken.stream(),
                        "sequence",
                        broken.brokenAt(),
                        "reason",
                        broken.reason())));
    call.reply().json(200, body);
  }

  /**
   * {@code GET /incidents/{id}/alerts}: the monitoring alerts that opened or joined the incident.
   */
  void alerts(StaffCall call, Map<String, String> params) throws IOException {
    String id = existing(call, params);
    call.reply()
        .json(200, Map.of("alerts", queries.alerts(id).stream().map(Views::alert).toList()));
  }

  void measures(StaffCall call, Map<String, String> params) throws IOException {
    String id = existing(call, params);
    call.reply()
        .json(200, Map.of("measures", queries.measures(id).stream().map(Views::measure).toList()));
  }

  void evidence(StaffCall call, Map<String, String> params) throws IOException {
    String id = existing(call, params);
    call.reply()
        .json(
            200,
            Map.of(
                "evidence",
                queries.evidence(id).stream()
                    .map(e -> EvidenceView.of(e, queries.custody(id, e.id())))
                    .toList()));
  }

  void decisions(StaffCall call, Map<String, String> params) throws IOException {
    String id = existing(call, params);
    call.reply()
        .json(
            200, Map.of("decisions", queries.decisions(id).stream().map(Views::decision).toList()));
  }

  void retentionExtensions(StaffCall call, Map<String, String> params) throws IOException {
    String id = existing(call, params);
    call.reply().json(200, Map.of("retentionExtensions", queries.retentionExtensions(id)));
  }

  void skipRequests(StaffCall call, Map<String, String> params) throws IOException {
    String id = existing(call, params);
    call.reply()
        .json(
            200,
            Map.of(
                "skipRequests",
                queries.skipRequests(id).stream().map(Views::skipRequest).toList()));
  }

  /**
   * {@code GET /incidents/{id}/report}: what the reporter wrote, as they wrote it (every staff
   * member); 404 for an incident no report opened.
   */
  void report(StaffCall call, Map<String, String> params) throws IOException {
    String id = existing(call, params);
    Map<String, Object> report =
        reports
            .report(id)
            .orElseThrow(
                () -> new NotFound("incident " + id + " was not reported through the form"));
    call.reply().json(200, report);
  }

  /**
   * {@code GET /incidents/{id}/reporter-contact}: the reporter's name and address, need-to-know;
   * every read is recorded in the incident's timeline and audit trail.
   */
  void reporterContact(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(StaffCall.STAFF);
    String id = call.incidentId(params);
    call.requireNeedToKnow(queries.get(id), "reporter contacts");
    ReporterContact contact =
        reports
            .contact(id, call.actor(role), call.now())
            .orElseThrow(() -> new NotFound("the reporter of " + id + " left no contact"));
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("name", contact.name());
    view.put("email", contact.email());
    call.reply().header("Cache-Control", "no-store");
    call.reply().json(200, view);
  }

  /** The incident ID of the path, for a staff member, once the incident is known to exist. */
  private String existing(StaffCall call, Map<String, String> params) {
    call.require(StaffCall.STAFF);
    return queries.get(call.incidentId(params)).id();
  }

  private static <E extends Enum<E>> E enumQuery(StaffCall call, String name, Class<E> type) {
    String value = call.query(name);
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          name,
          "INVALID_VALUE",
          name + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }
}
