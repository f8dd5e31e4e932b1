package org.meldekette.lifecycle;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.functions.HttpRequest;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.meldekette.audit.AuditExport;
import org.meldekette.audit.AuditSinks;
import org.meldekette.auth.IdTokenVerifier;
import org.meldekette.auth.StaffAuthenticator;
import org.meldekette.config.Env;
import org.meldekette.config.Lazy;
import org.meldekette.config.RegimeConfig;
import org.meldekette.config.RiskMethodConfig;
import org.meldekette.domain.Member;
import org.meldekette.domain.RecordIds;
import org.meldekette.domain.assurance.PolicySummary;
import org.meldekette.domain.deadline.Deadline;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.deadline.Offset;
import org.meldekette.domain.report.BreachRegister;
import org.meldekette.domain.report.DocumentTimes;
import org.meldekette.domain.report.Drafts;
import org.meldekette.domain.report.FinalReport;
import org.meldekette.domain.report.ReportConfig;
import org.meldekette.domain.report.Templates;
import org.meldekette.domain.risk.RiskMethod;
import org.meldekette.http.ApiFunction;
import org.meldekette.http.Reply;
import org.meldekette.http.Router;
import org.meldekette.http.StaffCall;
import org.meldekette.log.StructuredLog;
import org.meldekette.store.AuditTrail;
import org.meldekette.store.CommitListener;
import org.meldekette.store.FirestoreClients;
import org.meldekette.store.IncidentQueries;
import org.meldekette.store.IncidentStore;
import org.meldekette.store.LegalHoldStore;
import org.meldekette.store.MailOutbox;
import org.meldekette.store.MailStore;
import org.meldekette.store.MemberStore;
import org.meldekette.store.PeriodQueries;
import org.meldekette.store.ReportStore;
import org.meldekette.tasks.IncidentAnnouncer;
import org.meldekette.tasks.IsmsActionAnnouncer;
import org.meldekette.tasks.ReminderScheduler;
import org.meldekette.tasks.TaskQueue;
import org.meldekette.tasks.TaskQueues;
import org.meldekette.tasks.VaultHoldNotifier;

/**
 * {@code incident-lifecycle}: the staff API for triage, phases, measures, evidence and the decision
 * log. Entry point {@code org.meldekette.lifecycle.IncidentLifecycleFunction}. Every request is
 * signed in; every write carries If-Match and runs in one Firestore transaction.
 */
public class IncidentLifecycleFunction extends ApiFunction {
  private final Clock clock;
  private final Lazy<Firestore> db;
  private final Env env;
  private final Lazy<Wiring> wiring;
  private final AuditExport audit;

  public IncidentLifecycleFunction() {
    this(Env.system(), FirestoreClients.forFunction(Env.system()), Clock.systemUTC(), System.out);
  }

  IncidentLifecycleFunction(Env env, Supplier<Firestore> db, Clock clock, PrintStream logOutput) {
    super(
        "incident-lifecycle", new StructuredLog(env.get("GOOGLE_CLOUD_PROJECT", null), logOutput));
    this.env = env;
    this.clock = clock;
    this.db = Lazy.of(db);
    // Fail at start, not on the first request, when sign-in is not configured.
    env.require("AUTH_AUDIENCE");
    this.audit = new AuditExport(this.db, AuditSinks.fromEnvironment(env, logOutput), log(), clock);
    this.wiring = Lazy.of(this::wire);
  }

  /** Everything that needs Firestore, built on the first request. */
  private record Wiring(StaffAuthenticator authenticator, Router<StaffCall> router) {}

  private Wiring wire() {
    DeadlinePolicy policy = RegimeConfig.policy(env);
    TaskQueue queue = TaskQueues.fromEnvironment(env);
    ReminderScheduler scheduler = new ReminderScheduler(queue);
    CommitListener listener =
        CommitListener.all(
            audit,
            committed -> {
              if (committed.deadlinesMoved()) {
                scheduleReminders(scheduler, committed.incident().id(), committed.deadlines());
              }
            },
            new IncidentAnnouncer(queue, log(), clock),
            // Measures go to the ISMS as actions when one is connected (deadline-reminder posts).
            env.get("ISMS_WEBHOOK_CHANNEL", null) == null
                ? CommitListener.NONE
                : new IsmsActionAnnouncer(queue, log(), clock),
            // The evidence vault keeps its objects' holds in step with legal holds and closure.
            env.get("VAULT_TASKS_TARGET_URL", null) == null
                ? CommitListener.NONE
                : new VaultHoldNotifier(TaskQueues.toVault(env), log(), clock));
    IncidentStore store = new IncidentStore(db.get(), policy, listener);
    IncidentQueries queries = new IncidentQueries(db.get(), policy);
    MemberStore members = new MemberStore(db.get());
    RecordIds ids = new RecordIds(new SecureRandom());
    IdTokenVerifier verifier = IdTokenVerifier.forStaff(env, clock);
    StaffAuthenticator authenticator =
        new StaffAuthenticator(verifier, members, env.list("ADMIN_EMAILS", ""), clock);

    String incidentRetention = env.get("INCIDENT_RETENTION", "P6Y");
    ReportStore reportStore = new ReportStore(db.get(), policy, listener);
    IncidentReads reads =
        new IncidentReads(
            queries, new AuditTrail(db.get()), Offset.parse(incidentRetention), reportStore);
    TriageWrites triage = new TriageWrites(store, queries, ids);
    PhaseWrites phases = new PhaseWrites(store, ids);
    ScreeningWrites screening = new ScreeningWrites(store, queries, ids);
    MeasureWrites measures = new MeasureWrites(store, ids);
    EvidenceWrites evidence = new EvidenceWrites(store, ids);
    DecisionWrites decisions = new DecisionWrites(store, ids);
    RiskMethod riskMethod = RiskMethodConfig.method(env);
    RiskWrites risk = new RiskWrites(store, queries, ids, riskMethod);
    Templates templates = new Templates();
    PolicyReads policySummary =
        new PolicyReads(
            new PolicySummary(templates),
            policy.regimes(),
            now ->
                new PolicySummary.Settings(
                    env.get("CONTROLLER_NAME", null),
                    incidentRetention,
                    riskMethod.version(),
                    now));
    java.time.ZoneId controllerZone =
        java.time.ZoneId.of(env.get("CONTROLLER_TIME_ZONE", "Europe/Berlin"));
    MetricsReads metrics = new MetricsReads(new PeriodQueries(db.get(), policy), controllerZone);
    DocumentTimes documentTimes = new DocumentTimes(controllerZone);
    FinalReport finalReport = new FinalReport(templates, documentTimes);
    MilestoneWrites milestones = new MilestoneWrites(store, queries, finalReport);
    ProcessingWrites processing = new ProcessingWrites(store);
    RetentionWrites retention = new RetentionWrites(store, ids);
    HoldWrites holds = new HoldWrites(new LegalHoldStore(db.get(), listener), queries, ids);
    Drafts drafts =
        new Drafts(
            templates,
            new ReportConfig(
                env.get("CONTROLLER_NAME", null),
                env.get("DPO_NAME", null),
                env.get("DPO_CONTACT", null)),
            policy.regimes(),
            documentTimes);
    CommunicationWrites communications =
        new CommunicationWrites(store, queries, ids, drafts, policy.regimes());
    RegimeWrites regimes = new RegimeWrites(store, policy.regimes());
    MailStore mailStore = new MailStore(db.get(), policy, listener);
    TaskQueue mailTasks =
        env.get("MAIL_TASKS_TARGET_URL", null) == null ? null : TaskQueues.toMailbox(env);
    ReporterMessageWrites reporterMessages =
        new ReporterMessageWrites(
            store,
            queries,
            ids,
            new ReporterMail(
                new MailOutbox(db.get(), policy, listener), reportStore, mailTasks, log()));
    MailReads mail = new MailReads(mailStore, queries);
    ReportReads reports =
        new ReportReads(
            store, queries, drafts, finalReport, new BreachRegister(templates, documentTimes));
    MemberAdmin admin = new MemberAdmin(members);
    IncludedReads included =
        new IncludedReads(
            reads::get,
            Map.ofEntries(
                Map.entry("timeline", new IncludedReads.Part(reads::timeline, "pageSize=200")),
                Map.entry("alerts", new IncludedReads.Part(reads::alerts, "")),
                Map.entry("audit-verification", new IncludedReads.Part(reads::verifyAudit, "")),
                Map.entry("triage-changes", new IncludedReads.Part(triage::listChanges, "")),
                Map.entry("report", new IncludedReads.Part(reads::report, "")),
                Map.entry("reporter-messages", new IncludedReads.Part(reporterMessages::list, "")),
                Map.entry("mail", new IncludedReads.Part(mail::thread, "")),
                Map.entry("measures", new IncludedReads.Part(reads::measures, "")),
                Map.entry("evidence", new IncludedReads.Part(reads::evidence, "")),
                Map.entry("decisions", new IncludedReads.Part(reads::decisions, "")),
                Map.entry("risk-assessments", new IncludedReads.Part(risk::list, "")),
                Map.entry("skip-requests", new IncludedReads.Part(reads::skipRequests, "")),
                Map.entry("dismissal-requests", new IncludedReads.Part(screening::list, "")),
                Map.entry(
                    "retention-extensions", new IncludedReads.Part(reads::retentionExtensions, "")),
                Map.entry("communications", new IncludedReads.Part(communications::list, "")),
                Map.entry("final-reports", new IncludedReads.Part(reports::issuedReports, ""))));
    Router<StaffCall> router =
        new Router<StaffCall>()
            .on("GET", "/me", MemberAdmin::me)
            .on("GET", "/incidents", reads::list)
            .on("GET", "/incidents/{id}", included::get)
            .on("GET", "/incidents/{id}/timeline", reads::timeline)
            .on("GET", "/incidents/{id}/alerts", reads::alerts)
            .on("GET", "/incidents/{id}/audit", reads::audit)
            .on("GET", "/incidents/{id}/audit/verify", reads::verifyAudit)
            .onConfirmedChange("PUT", "/incidents/{id}/triage", triage::put)
            .on("GET", "/incidents/{id}/triage-changes", triage::listChanges)
            .on("POST", "/incidents/{id}/triage-changes", triage::requestChange)
            .on("POST", "/incidents/{id}/triage-changes/{requestId}/approve", triage::approveChange)
            .on("PUT", "/incidents/{id}/risk", triage::putRisk)
            .on("GET", "/risk-method", risk::method)
            .on("GET", "/incidents/{id}/risk-assessments", risk::list)
            .on("POST", "/incidents/{id}/risk-assessments", risk::record)
            .on("POST", "/incidents/{id}/risk-assessments/preview", risk::preview)
            .on("POST", "/incidents/{id}/risk-assessments/{assessmentId}/decision", risk::decide)
            .on("PUT", "/incidents/{id}/processing", processing::put)
            .on("GET", "/incidents/{id}/report", reads::report)
            .on("GET", "/incidents/{id}/reporter-contact", reads::reporterContact)
            .on("GET", "/incidents/{id}/reporter-messages", reporterMessages::list)
            .on("POST", "/incidents/{id}/reporter-messages", reporterMessages::send)
            .on("GET", "/incidents/{id}/mail", mail::thread)
            .on("GET", "/incidents/{id}/mail/{key}/raw", mail::raw)
            .on("POST", "/incidents/{id}/mail/{key}/confirm", mail::confirm)
            .on("GET", "/mail/unfiled", mail::unfiled)
            .on("POST", "/incidents/{id}/operation-restored", milestones::operationRestored)
            .on("GET", "/incidents/{id}/measures", reads::measures)
            .onConfirmedChange("POST", "/incidents/{id}/measures", measures::add)
            .onConfirmedChange("PATCH", "/incidents/{id}/measures/{measureId}", measures::change)
            .on("GET", "/incidents/{id}/evidence", reads::evidence)
            .onConfirmedChange("POST", "/incidents/{id}/evidence", evidence::add)
            .onConfirmedChange(
                "POST", "/incidents/{id}/evidence/{evidenceId}/custody", evidence::appendCustody)
            .on("GET", "/incidents/{id}/decisions", reads::decisions)
            .onConfirmedChange("POST", "/incidents/{id}/decisions", decisions::log)
            .onConfirmedChange("POST", "/incidents/{id}/transitions", phases::transition)
            .on("GET", "/incidents/{id}/skip-requests", reads::skipRequests)
            .on("POST", "/incidents/{id}/skip-requests", phases::requestSkip)
            .on("POST", "/incidents/{id}/skip-requests/{requestId}/approve", phases::approveSkip)
            .on("POST", "/incidents/{id}/reopen", phases::reopen)
            .on("POST", "/incidents/{id}/screening", screening::screen)
            .on("GET", "/incidents/{id}/dismissal-requests", screening::list)
            .on("POST", "/incidents/{id}/dismissal-requests", screening::requestDismissal)
            .on(
                "POST",
                "/incidents/{id}/dismissal-requests/{requestId}/approve",
                screening::approveDismissal)
            .on("GET", "/dismissal-requests", screening::pending)
            .on("POST", "/incidents/{id}/acknowledgements", milestones::acknowledge)
            .on("POST", "/incidents/{id}/final-report/issued", milestones::finalReportIssued)
            .on("GET", "/incidents/{id}/retention-extensions", reads::retentionExtensions)
            .on("POST", "/incidents/{id}/retention-extensions", retention::extend)
            .on("POST", "/incidents/{id}/retention-extensions/{extensionId}/lift", retention::lift)
            .on(
                "POST",
                "/incidents/{id}/retention-extensions/{extensionId}/renew",
                retention::renew)
            .on("PUT", "/incidents/{id}/assessment", reports::putAssessment)
            .on("PUT", "/incidents/{id}/team", reports::putTeam)
            .on("PUT", "/incidents/{id}/customers", reports::putCustomers)
            .on("PUT", "/incidents/{id}/regimes/{regime}", regimes::trigger)
            .on("POST", "/incidents/{id}/regimes/{regime}/requests", regimes::request)
            .onConfirmedChange("POST", "/incidents/{id}/approvals", communications::approve)
            .on("GET", "/incidents/{id}/communications", communications::list)
            .onConfirmedChange("POST", "/incidents/{id}/communications", communications::record)
            .on("GET", "/incidents/{id}/drafts/authority-notification", reports::authorityDraft)
            .on("GET", "/incidents/{id}/drafts/data-subject-notice", reports::dataSubjectDraft)
            .on("GET", "/incidents/{id}/drafts/stages/{regime}/{stage}", reports::stageDraft)
            .on("GET", "/incidents/{id}/final-report", reports::finalReport)
            .on("GET", "/incidents/{id}/final-reports", reports::issuedReports)
            .on("GET", "/incidents/{id}/final-reports/{version}", reports::issuedReport)
            .on("GET", "/breach-register", reports::breachRegister)
            .on("GET", "/metrics", metrics::metrics)
            .on("GET", "/isms-actions", metrics::ismsActions)
            .on("GET", "/policy-summary", policySummary::policySummary)
            .on("GET", "/legal-holds", holds::list)
            .on("POST", "/legal-holds", holds::place)
            .on("POST", "/legal-holds/{holdId}/release", holds::release)
            .on("GET", "/erasure-check", holds::erasureCheck)
            .on("GET", "/members", admin::list)
            .on("PUT", "/members/{email}", admin::put);
    return new Wiring(authenticator, router);
  }

  private void scheduleReminders(
      ReminderScheduler scheduler, String incidentId, List<Deadline> deadlines) {
    try {
      scheduler.schedule(incidentId, deadlines, clock.instant());
    } catch (Exception e) {
      // The change stands; the sweep queues what is missing within 15 minutes.
      log()
          .write(
              StructuredLog.Severity.WARNING,
              "reminders left to the sweep",
              Map.of("incidentId", incidentId),
              Map.of("exception", e.getClass().getName()),
              null);
    }
  }

  /** The routes of the function, for the check against its API description. */
  java.util.Set<String> routes() {
    return wiring.get().router().routes();
  }

  /** The routes whose change confirms its member in its transaction. */
  java.util.Set<String> confirmedChangeRoutes() {
    return wiring.get().router().confirmedChangeRoutes();
  }

  @Override
  protected void handle(HttpRequest request, Reply reply, Map<String, String> labels)
      throws Exception {
    Wiring w = wiring.get();
    String path = routed(request.getPath());
    Optional<String> authorization = request.getFirstHeader("Authorization");
    // A change that confirms its member in its transaction saves reading them first.
    Member member =
        w.router().confirmsMember(request.getMethod(), path)
            ? w.authenticator().authenticateRecent(authorization)
            : w.authenticator().authenticate(authorization);
    StaffCall call =
        new StaffCall(
            request,
            reply,
            member,
            w.authenticator().confirmation(member),
            clock.instant(),
            labels);
    w.router().dispatch(request.getMethod(), path, call, reply);
  }

  /**
   * The path without {@code /api/staff}: Firebase Hosting passes the staff console's calls on with
   * the path it received them under, so the console reaches the API on its own origin.
   */
  static String routed(String path) {
    return path.equals(CONSOLE_PREFIX) || path.startsWith(CONSOLE_PREFIX + "/")
        ? path.substring(CONSOLE_PREFIX.length())
        : path;
  }

  private static final String CONSOLE_PREFIX = "/api/staff";
}
