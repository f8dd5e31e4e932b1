package org.meldekette.lifecycle;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.meldekette.documents.MarkdownDocument;
import org.meldekette.domain.Assessment;
import org.meldekette.domain.EmailAddress;
import org.meldekette.domain.InvalidInput;
import org.meldekette.domain.NotFound;
import org.meldekette.domain.Role;
import org.meldekette.domain.lifecycle.CaseFileRules;
import org.meldekette.domain.lifecycle.Outcome;
import org.meldekette.domain.report.BreachRegister;
import org.meldekette.domain.report.Drafts;
import org.meldekette.domain.report.FinalReport;
import org.meldekette.domain.report.IncidentFile;
import org.meldekette.domain.report.IssuedReport;
import org.meldekette.http.ApiException;
import org.meldekette.http.JsonFields;
import org.meldekette.http.StaffCall;
import org.meldekette.store.IncidentQueries;
import org.meldekette.store.IncidentStore;

/**
 * Documents built from an incident's own data: the assessment they draw on, the Art. 33 and Art. 34
 * drafts, the final report, and the breach register.
 */
final class ReportReads {
  private static final Set<String> ASSESSMENT =
      Set.of(
          "nature",
          "dataSubjectCategories",
          "likelyConsequences",
          "adviceToDataSubjects",
          "maliciousActSuspected",
          "crossBorderImpact",
          "indicatorsOfCompromise",
          "rootCause",
          "mitigation",
          "lessonsLearned");

  private final IncidentStore store;
  private final IncidentQueries queries;
  private final Drafts drafts;
  private final FinalReport finalReport;
  private final BreachRegister register;

  ReportReads(
      IncidentStore store,
      IncidentQueries queries,
      Drafts drafts,
      FinalReport finalReport,
      BreachRegister register) {
    this.store = store;
    this.queries = queries;
    this.drafts = drafts;
    this.finalReport = finalReport;
    this.register = register;
  }

  /** {@code PUT /incidents/{id}/assessment}: replaces the assessment (RESPONDER, LEGAL, DPO). */
  void putAssessment(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.RESPONDER, Role.LEGAL, Role.DPO);
    String id = call.incidentId(params);
    long ifMatch = call.ifMatch();
    JsonFields b = call.body(ASSESSMENT);
    Assessment assessment =
        new Assessment(
            b.string("nature"),
            b.string("dataSubjectCategories"),
            b.string("likelyConsequences"),
            b.string("adviceToDataSubjects"),
            b.bool("maliciousActSuspected"),
            b.bool("crossBorderImpact"),
            b.string("indicatorsOfCompromise"),
            b.string("rootCause"),
            b.string("mitigation"),
            b.string("lessonsLearned"));
    Outcome outcome =
        store.change(
            id,
            ifMatch,
            call.confirmation(),
            incident ->
                CaseFileRules.assessmentRecorded(
                    incident, assessment, call.actor(role), call.now()));
    call.ok(outcome.incident().version(), outcome.incident().assessment());
  }

  /**
   * {@code PUT /incidents/{id}/team} {@code {"members": [emails]}}: who works on it (RESPONDER,
   * SECOND_LINE).
   */
  void putTeam(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.RESPONDER, Role.SECOND_LINE);
    String id = call.incidentId(params);
    long ifMatch = call.ifMatch();
    List<String> members = call.body(Set.of("members")).strings("members");
    if (members == null) {
      throw new InvalidInput("members", "REQUIRED", "members is required (it may be empty)");
    }
    List<String> team =
        members.stream().map(m -> m.strip().toLowerCase(java.util.Locale.ROOT)).distinct().toList();
    for (String member : team) {
      if (!EmailAddress.isValid(member)) {
        throw new InvalidInput(
            "members", "INVALID_EMAIL", "members are the sign-in emails of staff");
      }
    }
    Outcome outcome =
        store.change(
            id,
            ifMatch,
            call.confirmation(),
            incident -> CaseFileRules.teamChanged(incident, team, call.actor(role), call.now()));
    call.ok(outcome.incident().version(), Map.of("team", outcome.incident().team()));
  }

  /**
   * {@code PUT /incidents/{id}/customers} {@code {"customers": [...]}}: who the incident affected.
   */
  void putCustomers(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.RESPONDER, Role.SECOND_LINE, Role.LEGAL, Role.DPO);
    String id = call.incidentId(params);
    long ifMatch = call.ifMatch();
    List<String> customers = call.body(Set.of("customers")).strings("customers");
    if (customers == null) {
      throw new InvalidInput("customers", "REQUIRED", "customers is required (it may be empty)");
    }
    Outcome outcome =
        store.change(
            id,
            ifMatch,
            call.confirmation(),
            incident ->
                CaseFileRules.customersRecorded(incident, customers, call.actor(role), call.now()));
    call.ok(outcome.incident().version(), Views.incident(outcome.incident()));
  }

  /**
   * {@code GET
   * /incidents/{id}/drafts/authority-notification?lang=de|en&notification=initial|supplementary}.
   */
  void authorityDraft(StaffCall call, Map<String, String> params) throws IOException {
    call.require(Role.LEGAL, Role.DPO, Role.RESPONDER, Role.SECOND_LINE);
    IncidentFile file = queries.file(call.incidentId(params));
    String kind = call.query("notification");
    if (kind != null && !kind.equals("initial") && !kind.equals("supplementary")) {
      throw ApiException.badRequest(
          "notification", "INVALID_VALUE", "notification must be initial or supplementary");
    }
    if ("supplementary".equals(kind)) {
      // It says what the last notification stated and when: that is a communication's content.
      call.requireNeedToKnow(file.incident(), "communications");
    }
    answer(
        call,
        drafts.forStage(
            file, Drafts.ART33, call.language(), "supplementary".equals(kind), call.now()),
        file.incident().id() + "-authority-notification");
  }

  /** {@code GET /incidents/{id}/drafts/data-subject-notice?lang=de|en}. */
  void dataSubjectDraft(StaffCall call, Map<String, String> params) throws IOException {
    call.require(Role.LEGAL, Role.DPO, Role.RESPONDER, Role.SECOND_LINE, Role.COMMUNICATIONS);
    String id = call.incidentId(params);
    answer(
        call,
        drafts.forStage(queries.file(id), Drafts.ART34, call.language(), false, call.now()),
        id + "-data-subject-notice");
  }

  /**
   * {@code GET /incidents/{id}/drafts/stages/{regime}/{stage}?lang=}: the draft of any reporting
   * stage.
   */
  void stageDraft(StaffCall call, Map<String, String> params) throws IOException {
    call.require(Role.LEGAL, Role.DPO, Role.RESPONDER, Role.SECOND_LINE);
    IncidentFile file = queries.file(call.incidentId(params));
    String stage = params.get("regime") + "/" + params.get("stage");
    answer(
        call,
        drafts.forStage(file, stage, call.language(), false, call.now()),
        file.incident().id() + "-" + stage.replace('/', '-'));
  }

  /**
   * {@code GET /incidents/{id}/final-report?format=json|markdown|html&lang=de|en}: the working
   * draft, with the versions issued so far and whether the incident changed since the last.
   * Communications only for those with need-to-know.
   */
  void finalReport(StaffCall call, Map<String, String> params) throws IOException {
    call.require(StaffCall.STAFF);
    IncidentFile file = queries.file(call.incidentId(params));
    List<IssuedReport> issued = queries.issuedReports(file.incident().id());
    Map<String, Object> data = new LinkedHashMap<>(finalReport.data(file, call.now()));
    data.put("issuedVersions", issued.stream().map(ReportReads::issuedSummary).toList());
    Instant lastIssued = file.incident().milestones().finalReportIssuedAt();
    data.put(
        "changedSinceIssued",
        lastIssued != null && file.incident().updatedAt().isAfter(lastIssued));
    answerReport(call, file, data);
  }

  /** {@code GET /incidents/{id}/final-reports}: the versions issued, with their hashes. */
  void issuedReports(StaffCall call, Map<String, String> params) throws IOException {
    call.require(StaffCall.STAFF);
    String id = queries.get(call.incidentId(params)).id();
    call.reply()
        .json(
            200,
            Map.of(
                "finalReports",
                queries.issuedReports(id).stream().map(ReportReads::issuedSummary).toList()));
  }

  /**
   * {@code GET /incidents/{id}/final-reports/{version}?format=json|markdown|html&lang=}: a version
   * as it was issued, from its frozen data; {@code intact} says whether that still has its hash.
   */
  void issuedReport(StaffCall call, Map<String, String> params) throws IOException {
    call.require(StaffCall.STAFF);
    IncidentFile file = queries.file(call.incidentId(params));
    int version = version(params.get("version"));
    IssuedReport report =
        queries.issuedReports(file.incident().id()).stream()
            .filter(r -> r.version() == version)
            .findFirst()
            .orElseThrow(() -> new NotFound("no final report version " + version));
    Map<String, Object> data = new LinkedHashMap<>(report.frozen().data());
    Map<String, Object> summary = issuedSummary(report);
    summary.put("intact", report.frozen().intact());
    data.put("issued", summary);
    answerReport(call, file, data);
  }

  private void answerReport(StaffCall call, IncidentFile file, Map<String, Object> data)
      throws IOException {
    Map<String, Object> shown =
        call.needsToKnow(file.incident()) ? data : FinalReport.withoutCommunications(data);
    String format = call.format(DOCUMENT_FORMATS);
    if (format.equals("json")) {
      call.reply().json(200, shown);
      return;
    }
    String lang = call.language();
    send(
        call,
        format,
        MarkdownDocument.of(lang, finalReport.render(shown, lang)),
        file.incident().id() + "-final-report-" + lang);
  }

  /** Every document is read as data (JSON) or as a document: Markdown, plain text, HTML, PDF. */
  private static final String[] DOCUMENT_FORMATS = {"json", "markdown", "text", "html", "pdf"};

  private static void send(StaffCall call, String format, MarkdownDocument document, String name)
      throws IOException {
    switch (format) {
      case "markdown" ->
          call.reply().text(200, "text/markdown; charset=utf-8", document.markdown());
      case "text" -> call.reply().text(200, "text/plain; charset=utf-8", document.plainText());
      case "html" -> call.reply().text(200, "text/html; charset=utf-8", document.page());
      case "pdf" -> call.reply().bytes(200, "application/pdf", document.pdf(), name + ".pdf");
      default -> throw new IllegalArgumentException(format);
    }
  }

  private static Map<String, Object> issuedSummary(IssuedReport report) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("version", report.version());
    summary.put("issuedAt", report.issuedAt());
    summary.put("issuedBy", report.issuedBy());
    summary.put("closedAt", report.closedAt());
    summary.put("sha256", report.frozen().sha256());
    return summary;
  }

  private static int version(String text) {
    try {
      int version = Integer.parseInt(text);
      if (version >= 1) {
        return version;
      }
    } catch (NumberFormatException ignored) {
      // not a version
    }
    throw new NotFound("no final report version " + text);
  }

  /**
   * {@code GET /breach-register?from=&to=&format=json|csv|markdown|text|html|pdf&lang=de|en}: LEGAL
   * and the DPO.
   */
  void breachRegister(StaffCall call, Map<String, String> params) throws IOException {
    call.require(Role.LEGAL, Role.DPO);
    Instant from = time(call, "from", Instant.EPOCH);
    Instant to = time(call, "to", call.now().plusSeconds(1));
    List<Map<String, Object>> rows =
        queries.breaches(from, to).stream()
            .map(stored -> register.row(queries.file(stored)))
            .toList();
    String format = call.format("json", "csv", "markdown", "text", "html", "pdf");
    if (format.equals("csv")) {
      call.reply().header("Content-Disposition", "attachment; filename=\"breach-register.csv\"");
      call.reply().text(200, "text/csv; charset=utf-8", register.csv(rows, call.language()));
      return;
    }
    if (!format.equals("json")) {
      String lang = call.language();
      send(
          call,
          format,
          MarkdownDocument.of(lang, register.markdown(rows, lang, from, to, call.now())),
          "breach-register-" + lang);
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", from);
    body.put("to", to);
    body.put("breaches", rows);
    call.reply().json(200, body);
  }

  /**
   * A draft as data with its text rendered (HTML, escaped) and as plain text, or as one document
   * format.
   */
  private static void answer(StaffCall call, Drafts.Draft draft, String name) throws IOException {
    String format = call.format(DOCUMENT_FORMATS);
    MarkdownDocument document = MarkdownDocument.of(draft.language(), draft.text());
    if (!format.equals("json")) {
      send(call, format, document, name + "-" + draft.language());
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("stage", draft.stage());
    body.put("template", draft.template());
    body.put("language", draft.language());
    body.put("items", draft.items());
    body.put("missing", draft.missing());
    body.put("changes", draft.changes());
    body.put("text", draft.text());
    body.put("html", document.html());
    body.put("plainText", document.plainText());
    call.reply().json(200, body);
  }

  private static Instant time(StaffCall call, String name, Instant fallback) {
    String value = call.query(name);
    if (value == null) {
      return fallback;
    }
    try {
      return value.length() == 10
          ? java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
          : java.time.OffsetDateTime.parse(value).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw ApiException.badRequest(
          name, "INVALID_TIME", name + " must be a date (2026-01-01) or an ISO-8601 time");
    }
  }
}
