package org.meldekette.intake;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.functions.HttpRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.meldekette.audit.AuditExport;
import org.meldekette.audit.AuditSinks;
import org.meldekette.config.Env;
import org.meldekette.config.Lazy;
import org.meldekette.config.RegimeConfig;
import org.meldekette.domain.IncidentIds;
import org.meldekette.domain.ReceiptCode;
import org.meldekette.domain.RecordIds;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.http.ApiFunction;
import org.meldekette.http.CorsPolicy;
import org.meldekette.http.MediaType;
import org.meldekette.http.Reply;
import org.meldekette.http.RequestBodies;
import org.meldekette.http.Router;
import org.meldekette.log.StructuredLog;
import org.meldekette.store.CommitListener;
import org.meldekette.store.FirestoreClients;
import org.meldekette.store.RateLimits;
import org.meldekette.store.ReportStore;
import org.meldekette.store.ReporterChannel;
import org.meldekette.tasks.IncidentAnnouncer;
import org.meldekette.tasks.TaskQueues;

/**
 * {@code report-intake}: the public side of Meldekette. Web forms post reports ({@code POST
 * /api/report}, or {@code /} when called directly); a reporter follows their report with the
 * receipt code ({@code POST /api/status}) and adds to it ({@code POST /api/status/messages}); the
 * site's {@code /.well-known/security.txt} comes from here, so it is built from configuration.
 * Entry point {@code org.meldekette.intake.ReportIntakeFunction}.
 */
public class ReportIntakeFunction extends ApiFunction {
  static final int MAX_BODY_BYTES = 64 * 1024;
  private static final Set<String> ACCEPTED = Set.of(MediaType.JSON, MediaType.FORM);

  private final Clock clock;
  private final CorsPolicy cors;
  private final IncidentIds ids;
  private final SecureRandom random = new SecureRandom();
  private final Duration retention;
  private final Lazy<ReportStore> reports;
  private final Lazy<StatusPage> statusPage;
  private final Lazy<IntakeLimits> limits;
  private final SecurityTxt securityTxt;
  private final Router<Call> router =
      new Router<Call>()
          .on("POST", "/", this::report)
          .on("POST", "/api/report", this::report)
          .on("POST", "/api/status", this::status)
          .on("POST", "/api/status/messages", this::answer)
          .on("GET", "/.well-known/security.txt", this::securityTxt);

  private record Call(HttpRequest request, Reply reply, Map<String, String> labels) {}

  /**
   * Used by the Functions Framework: configuration from the environment, Firestore built in the
   * background from the start.
   */
  public ReportIntakeFunction() {
    this(Env.system(), FirestoreClients.forFunction(Env.system()), Clock.systemUTC(), System.out);
  }

  ReportIntakeFunction(Env env, Supplier<Firestore> db, Clock clock, PrintStream logOutput) {
    super("report-intake", new StructuredLog(env.get("GOOGLE_CLOUD_PROJECT", null), logOutput));
    this.clock = clock;
    this.cors =
        new CorsPolicy(
            env.list("REPORT_FORM_ORIGINS", "http://localhost:5000,http://127.0.0.1:5000"),
            "POST",
            "Content-Type, Idempotency-Key");
    this.retention = Duration.ofHours(env.integer("IDEMPOTENCY_TTL_HOURS", 7 * 24));
    AuditExport audit =
        new AuditExport(db, AuditSinks.fromEnvironment(env, logOutput), log(), clock);
    CommitListener listener =
        CommitListener.all(
            audit, new IncidentAnnouncer(TaskQueues.fromEnvironment(env), log(), clock));
    DeadlinePolicy policy = RegimeConfig.policy(env);
    this.ids = new IncidentIds(clock, random);
    this.reports = Lazy.of(() -> new ReportStore(db.get(), policy, listener));
    ClientAddress address = new ClientAddress(env.integer("TRUSTED_PROXIES", 1));
    List<RateLimits.Budget> perClient =
        RateLimits.Budget.parse(env.get("REPORT_CLIENT_LIMITS", "5/PT10M,30/P1D"));
    RateLimits.Budget surge =
        RateLimits.Budget.parse(env.get("REPORT_SURGE_RATE", "50/PT10M")).get(0);
    this.limits =
        Lazy.of(() -> new IntakeLimits(new RateLimits(db.get()), address, perClient, surge));
    this.statusPage =
        Lazy.of(
            () ->
                new StatusPage(
                    new ReporterChannel(db.get(), policy, listener),
                    new RateLimits(db.get()),
                    address,
                    new RecordIds(random),
                    clock));
    this.securityTxt =
        new SecurityTxt(
            env.get("REPORT_SITE_URL", "http://localhost:5000"),
            env.get("SECURITY_POLICY_URL", null),
            env.get("SECURITY_TXT_LANGUAGES", "de, en"),
            clock);
  }

  /** The routes of the function, for the check against its API description. */
  Set<String> routes() {
    return router.routes();
  }

  @Override
  protected void handle(HttpRequest request, Reply reply, Map<String, String> labels)
      throws Exception {
    if (request.getMethod().equals("OPTIONS")) {
      cors.preflight(request, reply);
      return;
    }
    router.dispatch(
        request.getMethod(), request.getPath(), new Call(request, reply, labels), reply);
  }

  private void report(Call call, Map<String, String> params) throws Exception {
    cors.check(call.request(), call.reply());
    MediaType mediaType = MediaType.of(call.request()).requireOneOf(ACCEPTED);
    String body = RequestBodies.readUtf8(call.request(), MAX_BODY_BYTES);
    ReportRequest parsed =
        ReportRequest.parse(
            mediaType,
            body,
            call.request().getFirstHeader("Idempotency-Key").orElse(null),
            clock.instant());
    Instant now = clock.instant();
    // A repeat of a keyed submission gets its first answer, whatever the limits say meanwhile.
    Optional<Map<String, Object>> first =
        reports.get().firstAnswer(parsed.idempotencyKey(), retention);
    if (first.isPresent()) {
      answerReceipt(call, new ReportStore.Receipt(first.get(), true));
      return;
    }
    limits.get().admit(IntakeLimits.REPORTS, call.request(), now);
    boolean held = limits.get().surging(reports.get(), now);
    ReceiptCode code = ReceiptCode.random(random);
    ReportStore.Receipt receipt =
        reports
            .get()
            .submit(
                parsed.report(),
                held,
                code,
                parsed.idempotencyKey(),
                retention,
                ids,
                now,
                incidentId -> Acknowledgments.receipt(parsed.report(), incidentId, code));
    if (held) {
      call.labels().put("held", "true");
    }
    answerReceipt(call, receipt);
  }

  private static void answerReceipt(Call call, ReportStore.Receipt receipt) throws IOException {
    call.labels().put("incidentId", (String) receipt.answer().get("incidentId"));
    if (receipt.replayed()) {
      call.reply().header("Idempotent-Replayed", "true");
    }
    call.reply().header("Cache-Control", "no-store");
    call.reply().json(201, receipt.answer());
  }

  private void status(Call call, Map<String, String> params) throws Exception {
    cors.check(call.request(), call.reply());
    MediaType.of(call.request()).requireOneOf(Set.of(MediaType.JSON));
    String body = RequestBodies.readUtf8(call.request(), 4 * 1024);
    Map<String, Object> view = statusPage.get().status(call.request(), body);
    call.labels().put("incidentId", (String) view.get("incidentId"));
    call.reply().header("Cache-Control", "no-store");
    call.reply().json(200, view);
  }

  private void answer(Call call, Map<String, String> params) throws Exception {
    cors.check(call.request(), call.reply());
    MediaType.of(call.request()).requireOneOf(Set.of(MediaType.JSON));
    String body = RequestBodies.readUtf8(call.request(), MAX_BODY_BYTES);
    Map<String, Object> view =
        statusPage
            .get()
            .answer(
                call.request(),
                body,
                ReportRequest.idempotencyKey(
                    call.request().getFirstHeader("Idempotency-Key").orElse(null), null),
                () -> limits.get().admit(IntakeLimits.MESSAGES, call.request(), clock.instant()));
    call.labels().put("incidentId", (String) view.get("incidentId"));
    call.reply().header("Cache-Control", "no-store");
    call.reply().json(201, view);
  }

  private void securityTxt(Call call, Map<String, String> params) throws Exception {
    call.reply().header("Cache-Control", "max-age=86400");
    call.reply().text(200, "text/plain; charset=utf-8", securityTxt.text());
  }
}
