package org.meldekette.reminders;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.functions.HttpRequest;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.meldekette.audit.AuditExport;
import org.meldekette.audit.AuditSinks;
import org.meldekette.auth.IdTokenVerifier;
import org.meldekette.auth.ServiceCaller;
import org.meldekette.config.Env;
import org.meldekette.config.RegimeConfig;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.deadline.ReminderRef;
import org.meldekette.http.ApiException;
import org.meldekette.http.ApiFunction;
import org.meldekette.http.JsonFields;
import org.meldekette.http.MediaType;
import org.meldekette.http.Reply;
import org.meldekette.http.RequestBodies;
import org.meldekette.http.Router;
import org.meldekette.log.StructuredLog;
import org.meldekette.notify.SecretSources;
import org.meldekette.notify.WebhookNotifier;
import org.meldekette.store.FirestoreClients;
import org.meldekette.store.IncidentQueries;
import org.meldekette.store.NotificationStore;
import org.meldekette.store.ReminderStore;
import org.meldekette.tasks.NotificationTask;
import org.meldekette.tasks.ReminderScheduler;
import org.meldekette.tasks.TaskQueue;
import org.meldekette.tasks.TaskQueues;

/**
 * {@code deadline-reminder}: delivers reminder tasks from Cloud Tasks ({@code POST
 * /tasks/reminder}) and runs the sweep for Cloud Scheduler ({@code POST /sweep}). Each caller
 * proves who it is with the OIDC token of its service account. Entry point {@code
 * org.meldekette.reminders.DeadlineReminderFunction}.
 */
public class DeadlineReminderFunction extends ApiFunction {
  private final IdTokenVerifier verifier;
  private final ServiceCaller caller;
  private final String tasksAccount;
  private final String schedulerAccount;
  private final ReminderDelivery delivery;
  private final NotificationDelivery notifications;
  private final IsmsActionDelivery ismsActions;
  private final Sweep sweep;
  private final Router<Call> router =
      new Router<Call>()
          .on("POST", "/tasks/reminder", this::reminder)
          .on("POST", "/tasks/notification", this::notification)
          .on("POST", "/tasks/isms-action", this::ismsAction)
          .on("POST", "/sweep", this::sweep);

  /** One request: what it asked, where the answer goes, the IDs for its log line. */
  private record Call(HttpRequest request, Reply reply, Map<String, String> labels) {}

  public DeadlineReminderFunction() {
    this(Env.system(), FirestoreClients.forFunction(Env.system()), Clock.systemUTC(), System.out);
  }

  DeadlineReminderFunction(Env env, Supplier<Firestore> db, Clock clock, PrintStream logOutput) {
    super("deadline-reminder", new StructuredLog(env.get("GOOGLE_CLOUD_PROJECT", null), logOutput));
    this.verifier = IdTokenVerifier.forServiceCalls(env, clock);
    this.caller = new ServiceCaller(verifier);
    this.tasksAccount = env.require("TASKS_SERVICE_ACCOUNT");
    this.schedulerAccount = env.require("SCHEDULER_SERVICE_ACCOUNT");
    DeadlinePolicy policy = RegimeConfig.policy(env);
    AuditExport audit =
        new AuditExport(db, AuditSinks.fromEnvironment(env, logOutput), log(), clock);
    TaskQueue queue = TaskQueues.fromEnvironment(env);
    ReminderScheduler scheduler = new ReminderScheduler(queue);
    ReminderStore reminders = new ReminderStore(db, policy, audit);
    WebhookNotifier notifier = new WebhookNotifier(SecretSources.fromEnvironment(env, clock));
    this.delivery =
        new ReminderDelivery(
            reminders,
            policy.regimes(),
            notifier,
            scheduler,
            log(),
            clock,
            new ReminderDelivery.Channels(
                env.list("REMINDER_CHANNELS", "incident-team-webhook"),
                env.list("ESCALATION_CHANNELS", "dpo-management-webhook"),
                env.get("INCIDENT_LINK_BASE", null)));
    this.notifications =
        new NotificationDelivery(
            new NotificationStore(db, policy, audit),
            notifier,
            queue,
            clock,
            new NotificationDelivery.Channels(
                env.list("NEW_INCIDENT_CHANNELS", "incident-team-webhook"),
                env.list("ONCALL_CHANNELS", "on-call-webhook"),
                onCallFormat(env.get("ONCALL_FORMAT", "chat")),
                (int) env.integer("NOTIFY_PER_MINUTE", 10),
                env.get("INCIDENT_LINK_BASE", null)));
    this.sweep = new Sweep(reminders, policy, scheduler, audit, clock);
    this.ismsActions =
        new IsmsActionDelivery(
            new NotificationStore(db, policy, audit),
            () -> new IncidentQueries(db.get(), policy),
            notifier,
            env.get("ISMS_WEBHOOK_CHANNEL", null),
            clock);
  }

  private static String onCallFormat(String format) {
    if (!format.equals("chat") && !format.equals("pagerduty-events-v2")) {
      throw new IllegalStateException(
          "ONCALL_FORMAT must be chat or pagerduty-events-v2, not " + format);
    }
    return format;
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

  /** {@code POST /tasks/reminder}: one reminder task from Cloud Tasks. */
  private void reminder(Call call, Map<String, String> params) throws Exception {
    requireCaller(call.request(), tasksAccount);
    JsonFields body =
        JsonFields.parse(
            RequestBodies.readUtf8(requireJson(call.request()), 16 * 1024),
            Set.of("incidentId", "regime", "stage", "subject", "kind", "dueAt"));
    ReminderRef task =
        new ReminderRef(
            required(body, "incidentId"),
            required(body, "regime"),
            required(body, "stage"),
            body.string("subject"),
            required(body, "kind"),
            requiredNumber(body, "dueAt"));
    call.labels().put("incidentId", task.incidentId());
    ReminderDelivery.Result result = delivery.deliver(task);
    call.labels().put("result", result.name());
    if (result == ReminderDelivery.Result.IN_PROGRESS) {
      call.reply().header("Retry-After", "60");
      throw new ApiException(
          409, "REMINDER_IN_PROGRESS", "another delivery of this reminder is sending it");
    }
    call.reply().json(200, Map.of("result", result.name()));
  }

  /**
   * {@code POST /tasks/notification}: a new incident for the team, a P1 for on-call, a channel's
   * digest, or the digest of reports held for screening, from Cloud Tasks.
   */
  private void notification(Call call, Map<String, String> params) throws Exception {
    requireCaller(call.request(), tasksAccount);
    JsonFields body =
        JsonFields.parse(
            RequestBodies.readUtf8(requireJson(call.request()), 16 * 1024),
            Set.of("kind", "incidentId", "channel", "window"));
    NotificationTask.Kind kind = body.enumValue("kind", NotificationTask.Kind.class);
    if (kind == null) {
      throw ApiException.badRequest("kind", "REQUIRED", "kind is required");
    }
    boolean aboutOne =
        kind == NotificationTask.Kind.NEW_INCIDENT || kind == NotificationTask.Kind.PAGE;
    String incidentId = aboutOne ? required(body, "incidentId") : null;
    String channel = kind == NotificationTask.Kind.DIGEST ? required(body, "channel") : null;
    Long window = aboutOne ? null : requiredNumber(body, "window");
    if (incidentId != null) {
      call.labels().put("incidentId", incidentId);
    }
    NotificationDelivery.Result result = notifications.deliver(kind, incidentId, channel, window);
    call.labels().put("result", result.name());
    if (result == NotificationDelivery.Result.IN_PROGRESS) {
      call.reply().header("Retry-After", "60");
      throw new ApiException(
          409, "NOTIFICATION_IN_PROGRESS", "another delivery of this notification is posting it");
    }
    call.reply().json(200, Map.of("result", result.name()));
  }

  /** {@code POST /tasks/isms-action}: a measure as an action for the ISMS's webhook. */
  private void ismsAction(Call call, Map<String, String> params) throws Exception {
    requireCaller(call.request(), tasksAccount);
    JsonFields body =
        JsonFields.parse(
            RequestBodies.readUtf8(requireJson(call.request()), 16 * 1024),
            Set.of("incidentId", "measureId", "version"));
    String incidentId = required(body, "incidentId");
    call.labels().put("incidentId", incidentId);
    NotificationDelivery.Result result =
        ismsActions.deliver(
            incidentId, required(body, "measureId"), requiredNumber(body, "version"));
    call.labels().put("result", result.name());
    if (result == NotificationDelivery.Result.IN_PROGRESS) {
      call.reply().header("Retry-After", "60");
      throw new ApiException(
          409, "NOTIFICATION_IN_PROGRESS", "another delivery of this action is posting it");
    }
    call.reply().json(200, Map.of("result", result.name()));
  }

  /** {@code POST /sweep}: Cloud Scheduler's safety net. */
  private void sweep(Call call, Map<String, String> params) throws Exception {
    requireCaller(call.request(), schedulerAccount);
    call.reply().json(200, sweep.run());
  }

  private void requireCaller(HttpRequest request, String account) {
    caller.require(request, account);
  }

  private static HttpRequest requireJson(HttpRequest request) {
    MediaType.of(request).requireOneOf(Set.of(MediaType.JSON));
    return request;
  }

  private static long requiredNumber(JsonFields body, String field) {
    Long value = body.integer(field);
    if (value == null) {
      throw ApiException.badRequest(field, "REQUIRED", field + " is required");
    }
    return value;
  }

  private static String required(JsonFields body, String field) {
    String value = body.string(field);
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest(field, "REQUIRED", field + " is required");
    }
    return value;
  }
}
