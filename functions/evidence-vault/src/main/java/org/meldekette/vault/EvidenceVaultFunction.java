package org.meldekette.vault;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.functions.HttpRequest;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.meldekette.audit.AuditExport;
import org.meldekette.audit.AuditSinks;
import org.meldekette.auth.IdTokenVerifier;
import org.meldekette.auth.ServiceCaller;
import org.meldekette.auth.StaffAuthenticator;
import org.meldekette.config.Env;
import org.meldekette.config.Lazy;
import org.meldekette.config.RegimeConfig;
import org.meldekette.config.RiskMethodConfig;
import org.meldekette.domain.RecordIds;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.report.Templates;
import org.meldekette.domain.vault.VaultNames;
import org.meldekette.http.ApiFunction;
import org.meldekette.http.JsonFields;
import org.meldekette.http.MediaType;
import org.meldekette.http.Reply;
import org.meldekette.http.RequestBodies;
import org.meldekette.http.Router;
import org.meldekette.http.StaffCall;
import org.meldekette.log.StructuredLog;
import org.meldekette.store.AuditPackStore;
import org.meldekette.store.AuditTrail;
import org.meldekette.store.FirestoreClients;
import org.meldekette.store.IncidentQueries;
import org.meldekette.store.IncidentStore;
import org.meldekette.store.MemberStore;
import org.meldekette.store.PeriodQueries;
import org.meldekette.store.VaultStore;
import org.meldekette.tasks.TaskQueues;

/**
 * {@code evidence-vault}: evidence Meldekette secures itself in a held Cloud Storage bucket. Staff
 * (signed in, under {@code /api/vault} from the console) upload files through signed URLs, capture
 * Cloud Logging entries, download and verify; Cloud Tasks runs capture steps ({@code POST
 * /tasks/capture}) and hold changes ({@code POST /tasks/holds}); Cloud Scheduler reconciles holds
 * hourly ({@code POST /reconcile}) and verifies the vault weekly ({@code POST /verify}). Entry
 * point {@code org.meldekette.vault.EvidenceVaultFunction}.
 */
public class EvidenceVaultFunction extends ApiFunction {
  private static final String CONSOLE_PREFIX = "/api/vault";
  private static final Set<String> SERVICE_ROUTES =
      Set.of("/tasks/capture", "/tasks/holds", "/reconcile", "/verify");

  private final Env env;
  private final Clock clock;
  private final Lazy<Firestore> db;
  private final ServiceCaller caller;
  private final String tasksAccount;
  private final String schedulerAccount;
  private final Lazy<Wiring> wiring;

  private record Wiring(
      StaffAuthenticator authenticator,
      Router<StaffCall> staff,
      Router<Service> service,
      CaptureSteps steps,
      VaultHoldKeeper holds,
      VaultCheck check) {}

  private record Service(HttpRequest request, Reply reply) {}

  public EvidenceVaultFunction() {
    this(Env.system(), FirestoreClients.forFunction(Env.system()), Clock.systemUTC(), System.out);
  }

  EvidenceVaultFunction(Env env, Supplier<Firestore> db, Clock clock, PrintStream logOutput) {
    super("evidence-vault", new StructuredLog(env.get("GOOGLE_CLOUD_PROJECT", null), logOutput));
    this.env = env;
    this.clock = clock;
    this.db = Lazy.of(db);
    env.require("AUTH_AUDIENCE");
    env.require("VAULT_BUCKET");
    this.caller = new ServiceCaller(IdTokenVerifier.forServiceCalls(env, clock));
    this.tasksAccount = env.require("TASKS_SERVICE_ACCOUNT");
    this.schedulerAccount = env.require("SCHEDULER_SERVICE_ACCOUNT");
    AuditExport audit =
        new AuditExport(this.db, AuditSinks.fromEnvironment(env, logOutput), log(), clock);
    this.wiring = Lazy.of(() -> wire(audit));
  }

  private Wiring wire(AuditExport audit) {
    VaultSettings settings = VaultSettings.from(env);
    DeadlinePolicy policy = RegimeConfig.policy(env);
    IncidentStore incidents = new IncidentStore(db.get(), policy, audit);
    IncidentQueries queries = new IncidentQueries(db.get(), policy);
    VaultStore store = new VaultStore(db.get(), audit);
    RecordIds ids = new RecordIds(new SecureRandom());
    Lazy<VaultStorage> storage =
        Lazy.of(
            () ->
                new VaultStorage(
                    VaultClients.storage(settings, clock),
                    settings.vaultBucket(),
                    settings.stagingBucket(),
                    VaultClients.signer(settings),
                    settings.signedUrlHost(),
                    clock));
    LogEntriesSource logs =
        new LogEntriesSource(Lazy.of(() -> VaultClients.logging(settings)), settings.project());
    var tasks = TaskQueues.toVault(env);
    VaultHoldKeeper holds = new VaultHoldKeeper(store, queries, storage.get(), log());
    VaultEvidence evidence = new VaultEvidence(incidents, queries, storage);
    Uploads uploads = new Uploads(store, incidents, queries, storage, settings, ids, holds);
    LogCaptures captures = new LogCaptures(store, queries, logs, tasks, settings, ids);
    CaptureSteps steps =
        new CaptureSteps(store, incidents, logs, storage.get(), tasks, holds, settings, clock);
    AuditPacks auditPacks =
        new AuditPacks(
            new PeriodQueries(db.get(), policy),
            new AuditTrail(db.get()),
            new AuditPackStore(db.get(), audit),
            storage,
            policy.regimes(),
            new Templates(),
            new AuditPacks.Settings(
                java.time.ZoneId.of(env.get("CONTROLLER_TIME_ZONE", "Europe/Berlin")),
                env.get("CONTROLLER_NAME", null),
                env.get("INCIDENT_RETENTION", "P6Y"),
                RiskMethodConfig.method(env).version()));
    StaffAuthenticator authenticator =
        new StaffAuthenticator(
            IdTokenVerifier.forStaff(env, clock),
            new MemberStore(db.get()),
            env.list("ADMIN_EMAILS", ""),
            clock);
    Router<StaffCall> staff =
        new Router<StaffCall>()
            .on("GET", "/settings", (call, params) -> settings(call, settings))
            .on("GET", "/incidents/{id}/captures/presets", captures::presets)
            .on("GET", "/incidents/{id}/captures", captures::list)
            .on("POST", "/incidents/{id}/captures", captures::start)
            .on("POST", "/incidents/{id}/uploads", uploads::start)
            .on("POST", "/incidents/{id}/uploads/{uploadId}/complete", uploads::complete)
            .on("POST", "/incidents/{id}/evidence/{evidenceId}/downloads", evidence::download)
            .on("POST", "/incidents/{id}/evidence/{evidenceId}/verifications", evidence::verify)
            .on("GET", "/audit-packs", auditPacks::list)
            .on("POST", "/audit-packs", auditPacks::create)
            .on("POST", "/audit-packs/{packId}/downloads", auditPacks::download);
    VaultCheck check = new VaultCheck(store, evidence, log());
    Router<Service> service =
        new Router<Service>()
            .on("POST", "/tasks/capture", this::captureStep)
            .on("POST", "/tasks/holds", this::holds)
            .on("POST", "/reconcile", this::reconcile)
            .on("POST", "/verify", this::verify);
    return new Wiring(authenticator, staff, service, steps, holds, check);
  }

  /** The routes of the function, for the check against its API description. */
  Set<String> routes() {
    Set<String> routes = new TreeSet<>(wiring.get().staff().routes());
    routes.addAll(wiring.get().service().routes());
    return routes;
  }

  @Override
  protected void handle(HttpRequest request, Reply reply, Map<String, String> labels)
      throws Exception {
    Wiring w = wiring.get();
    String path = routed(request.getPath());
    if (SERVICE_ROUTES.contains(path)) {
      w.service().dispatch(request.getMethod(), path, new Service(request, reply), reply);
      return;
    }
    var member = w.authenticator().authenticate(request.getFirstHeader("Authorization"));
    w.staff()
        .dispatch(
            request.getMethod(),
            path,
            new StaffCall(
                request,
                reply,
                member,
                w.authenticator().confirmation(member),
                clock.instant(),
                labels),
            reply);
  }

  /** The path without {@code /api/vault}, the console's way to the function (a Hosting rewrite). */
  static String routed(String path) {
    return path.equals(CONSOLE_PREFIX) || path.startsWith(CONSOLE_PREFIX + "/")
        ? path.substring(CONSOLE_PREFIX.length())
        : path;
  }

  /** {@code GET /settings}: what the console checks before it uploads or captures. */
  private static void settings(StaffCall call, VaultSettings settings) throws Exception {
    call.require(StaffCall.STAFF);
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("maxUploadBytes", settings.maxUploadBytes());
    view.put("contentTypes", VaultNames.allowedTypes());
    view.put("maxCaptureWindowDays", settings.maxCaptureWindow().toDays());
    view.put("maxCaptureEntries", settings.maxCaptureEntries());
    call.reply().json(200, view);
  }

  private void captureStep(Service call, Map<String, String> params) throws Exception {
    caller.require(call.request(), tasksAccount);
    JsonFields body = body(call, Set.of("incidentId", "captureId", "step"));
    wiring
        .get()
        .steps()
        .run(body.string("incidentId"), body.string("captureId"), body.integer("step").intValue());
    call.reply().empty(204);
  }

  private void holds(Service call, Map<String, String> params) throws Exception {
    caller.require(call.request(), tasksAccount);
    String incidentId = body(call, Set.of("incidentId")).string("incidentId");
    int changed = wiring.get().holds().sync(incidentId, clock.instant());
    call.reply().json(200, Map.of("changed", changed));
  }

  private void reconcile(Service call, Map<String, String> params) throws Exception {
    caller.require(call.request(), schedulerAccount);
    call.reply().json(200, Map.of("changed", wiring.get().holds().syncAll(clock.instant())));
  }

  private void verify(Service call, Map<String, String> params) throws Exception {
    caller.require(call.request(), schedulerAccount);
    call.reply().json(200, wiring.get().check().run(clock.instant(), clock));
  }

  private static JsonFields body(Service call, Set<String> fields) throws Exception {
    MediaType.of(call.request()).requireOneOf(Set.of(MediaType.JSON));
    return JsonFields.parse(RequestBodies.readUtf8(call.request(), 16 * 1024), fields);
  }
}
