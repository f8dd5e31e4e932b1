package org.meldekette.intake;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.functions.HttpRequest;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.meldekette.audit.AuditExport;
import org.meldekette.audit.AuditSinks;
import org.meldekette.config.Env;
import org.meldekette.config.Lazy;
import org.meldekette.config.RegimeConfig;
import org.meldekette.domain.IncidentIds;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.http.ApiException;
import org.meldekette.http.ApiFunction;
import org.meldekette.http.CorsPolicy;
import org.meldekette.http.MediaType;
import org.meldekette.http.Reply;
import org.meldekette.http.RequestBodies;
import org.meldekette.log.StructuredLog;
import org.meldekette.store.FirestoreClients;
import org.meldekette.store.ReportStore;

/**
 * {@code report-intake}: the public endpoint web forms post incident and vulnerability reports to.
 * Entry point {@code org.meldekette.intake.ReportIntakeFunction}.
 */
public class ReportIntakeFunction extends ApiFunction {
  static final int MAX_BODY_BYTES = 64 * 1024;
  private static final Set<String> ACCEPTED = Set.of(MediaType.JSON, MediaType.FORM);

  private final Clock clock;
  private final CorsPolicy cors;
  private final IncidentIds ids;
  private final Duration retention;
  private final Lazy<ReportStore> reports;

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
    DeadlinePolicy policy = RegimeConfig.policy(env);
    this.ids = new IncidentIds(clock, new SecureRandom());
    this.reports = Lazy.of(() -> new ReportStore(db.get(), policy, audit));
  }

  @Override
  protected void handle(HttpRequest request, Reply reply, Map<String, String> labels)
      throws Exception {
    if (request.getMethod().equals("OPTIONS")) {
      cors.preflight(request, reply);
      return;
    }
    if (!request.getMethod().equals("POST")) {
      reply.header("Allow", "POST, OPTIONS");
      throw new ApiException(405, "METHOD_NOT_ALLOWED", "reports are sent with POST");
    }
    cors.check(request, reply);
    MediaType mediaType = MediaType.of(request).requireOneOf(ACCEPTED);
    String body = RequestBodies.readUtf8(request, MAX_BODY_BYTES);
    ReportRequest parsed =
        ReportRequest.parse(
            mediaType,
            body,
            request.getFirstHeader("Idempotency-Key").orElse(null),
            clock.instant());
    ReportStore.Receipt receipt =
        reports
            .get()
            .submit(
                parsed.report(),
                parsed.idempotencyKey(),
                retention,
                ids,
                clock.instant(),
                incidentId -> Acknowledgments.receipt(parsed.report(), incidentId));
    labels.put("incidentId", (String) receipt.answer().get("incidentId"));
    if (receipt.replayed()) {
      reply.header("Idempotent-Replayed", "true");
    }
    reply.json(201, receipt.answer());
  }
}
