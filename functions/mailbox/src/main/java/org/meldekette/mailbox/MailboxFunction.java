package org.meldekette.mailbox;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.functions.HttpRequest;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.meldekette.audit.AuditExport;
import org.meldekette.audit.AuditSinks;
import org.meldekette.auth.IdTokenVerifier;
import org.meldekette.auth.ServiceCaller;
import org.meldekette.auth.Unauthenticated;
import org.meldekette.config.Env;
import org.meldekette.config.Lazy;
import org.meldekette.config.RegimeConfig;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.http.ApiException;
import org.meldekette.http.ApiFunction;
import org.meldekette.http.JsonFields;
import org.meldekette.http.MediaType;
import org.meldekette.http.Reply;
import org.meldekette.http.RequestBodies;
import org.meldekette.http.Router;
import org.meldekette.log.StructuredLog;
import org.meldekette.notify.SecretSources;
import org.meldekette.store.CommitListener;
import org.meldekette.store.FirestoreClients;
import org.meldekette.store.MailOutbox;
import org.meldekette.store.MailStore;
import org.meldekette.store.RateLimits;
import org.meldekette.store.ReportStore;
import org.meldekette.tasks.IncidentAnnouncer;
import org.meldekette.tasks.TaskQueues;

/**
 * {@code mailbox}: the security mailbox as a channel of Meldekette. Cloud Scheduler calls {@code
 * POST /poll} about once a minute: new mail is read over IMAP and filed (a report, a reply, a
 * machine's mail recorded). An inbound-mail gateway may post the raw message instead ({@code POST
 * /inbound}, with the shared secret). Cloud Tasks calls {@code POST /tasks/mail} to send an
 * acknowledgement or a staff member's message. Entry point {@code
 * org.meldekette.mailbox.MailboxFunction}.
 */
public class MailboxFunction extends ApiFunction {
  /** Raw mail up to this size is taken at all (Gmail and Microsoft 365 stop at 50 MB or less). */
  static final int MAX_RAW_BYTES = 64 * 1024 * 1024;

  /** How many messages one poll files; the rest wait for the next. */
  static final int PER_POLL = 50;

  private final Clock clock;
  private final ServiceCaller caller;
  private final String tasksAccount;
  private final String schedulerAccount;
  private final Lazy<Wiring> wiring;
  private final Router<Call> router =
      new Router<Call>()
          .on("POST", "/poll", this::poll)
          .on("POST", "/inbound", this::inbound)
          .on("POST", "/tasks/mail", this::mail);

  private record Call(HttpRequest request, Reply reply, Map<String, String> labels) {}

  private record Wiring(
      MailSettings settings, MailStore mail, MailFiling filing, MailSending sending) {}

  public MailboxFunction() {
    this(Env.system(), FirestoreClients.forFunction(Env.system()), Clock.systemUTC(), System.out);
  }

  MailboxFunction(Env env, Supplier<Firestore> db, Clock clock, PrintStream logOutput) {
    super("mailbox", new StructuredLog(env.get("GOOGLE_CLOUD_PROJECT", null), logOutput));
    this.clock = clock;
    this.caller = new ServiceCaller(IdTokenVerifier.forServiceCalls(env, clock));
    this.tasksAccount = env.require("TASKS_SERVICE_ACCOUNT");
    this.schedulerAccount = env.require("SCHEDULER_SERVICE_ACCOUNT");
    env.require("MAIL_ADDRESS");
    this.wiring = Lazy.of(() -> wire(env, db, clock, logOutput));
  }

  private Wiring wire(Env env, Supplier<Firestore> db, Clock clock, PrintStream logOutput) {
    try {
      DeadlinePolicy policy = RegimeConfig.policy(env);
      AuditExport audit =
          new AuditExport(db, AuditSinks.fromEnvironment(env, logOutput), log(), clock);
      // A report by mail is announced to the team as one by the form is.
      CommitListener listener =
          CommitListener.all(
              audit, new IncidentAnnouncer(TaskQueues.fromEnvironment(env), log(), clock));
      MailSettings settings = MailSettings.from(env, SecretSources.fromEnvironment(env, clock));
      MailStore mail = new MailStore(db.get(), policy, listener);
      MailOutbox outbox = new MailOutbox(db.get(), policy, listener);
      ReportStore reports = new ReportStore(db.get(), policy, listener);
      MailFiling filing =
          new MailFiling(
              mail,
              outbox,
              reports,
              new RateLimits(db.get()),
              settings,
              TaskQueues.toMailbox(env),
              clock);
      MailSending sending =
          new MailSending(mail, outbox, reports, new SmtpMailer(settings, clock), settings, clock);
      return new Wiring(settings, mail, filing, sending);
    } catch (Exception e) {
      throw new IllegalStateException("the mailbox is not configured: " + e.getMessage(), e);
    }
  }

  /** The routes of the function, for the check against its API description. */
  Set<String> routes() {
    return router.routes();
  }

  @Override
  protected void handle(HttpRequest request, Reply reply, Map<String, String> labels)
      throws Exception {
    router.dispatch(
        request.getMethod(), request.getPath(), new Call(request, reply, labels), reply);
  }

  /**
   * {@code POST /poll}: files the mailbox's new mail, in order, stopping at the first that fails
   * (it is tried again at the next poll; nothing after it is skipped).
   */
  private void poll(Call call, Map<String, String> params) throws Exception {
    caller.require(call.request(), schedulerAccount);
    Wiring w = wiring.get();
    Map<MailFiling.Result, Integer> results = new EnumMap<>(MailFiling.Result.class);
    try (ImapSource source =
        new ImapSource(w.settings().imap(), w.mail(), w.settings().address(), clock)) {
      for (RawMessageSource.RawMessage raw : source.untaken(PER_POLL)) {
        MailFiling.Result result = w.filing().file(raw);
        source.taken(raw);
        results.merge(result, 1, Integer::sum);
      }
    }
    call.labels().put("filed", String.valueOf(results.values().stream().mapToInt(i -> i).sum()));
    call.reply().json(200, Map.of("results", results));
  }

  /**
   * {@code POST /inbound}: one raw message ({@code message/rfc822}) from an inbound-mail gateway,
   * with {@code Authorization: Bearer <the mail-inbound-secret>}; filed as mail from the mailbox.
   */
  private void inbound(Call call, Map<String, String> params) throws Exception {
    Wiring w = wiring.get();
    String secret = w.settings().inboundSecret();
    String given = call.request().getFirstHeader("Authorization").orElse("");
    if (secret == null
        || !MessageDigest.isEqual(
            ("Bearer " + secret).getBytes(StandardCharsets.UTF_8),
            given.getBytes(StandardCharsets.UTF_8))) {
      throw new Unauthenticated("the inbound secret is required");
    }
    MediaType.of(call.request()).requireOneOf(Set.of("message/rfc822"));
    byte[] raw = RequestBodies.readBytes(call.request(), MAX_RAW_BYTES);
    if (raw.length == 0) {
      throw ApiException.badRequest(null, "EMPTY_MESSAGE", "the message is empty");
    }
    String sourceKey = "inbound-" + MimeParser.sha256(raw);
    MailFiling.Result result = w.filing().file(new RawMessageSource.RawMessage(sourceKey, 0, raw));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("result", result.name());
    call.reply().json(200, answer);
  }

  /** {@code POST /tasks/mail} {@code {"key"}}: sends one mail of the outbox, once. */
  private void mail(Call call, Map<String, String> params) throws Exception {
    caller.require(call.request(), tasksAccount);
    MediaType.of(call.request()).requireOneOf(Set.of(MediaType.JSON));
    JsonFields body =
        JsonFields.parse(RequestBodies.readUtf8(call.request(), 4 * 1024), Set.of("key"));
    String key = body.string("key");
    if (key == null || !key.matches("[a-z]{2,8}-[0-9A-Za-z-]{8,80}")) {
      throw ApiException.badRequest("key", "INVALID_VALUE", "key names a mail of the outbox");
    }
    MailSending.Result result = wiring.get().sending().send(key);
    call.labels().put("result", result.name());
    if (result == MailSending.Result.IN_PROGRESS) {
      call.reply().header("Retry-After", "60");
      throw new ApiException(
          409, "MAIL_IN_PROGRESS", "another delivery of this mail is sending it");
    }
    call.reply().json(200, Map.of("result", result.name()));
  }
}
