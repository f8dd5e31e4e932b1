package org.meldekette.reminders;

import com.google.cloud.firestore.Firestore;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.meldekette.audit.AuditExport;
import org.meldekette.audit.StdoutAuditSink;
import org.meldekette.config.Env;
import org.meldekette.config.RegimeConfig;
import org.meldekette.dev.LocalHttpServer;
import org.meldekette.dev.LocalTaskQueue;
import org.meldekette.domain.Actor;
import org.meldekette.domain.Classification;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentIds;
import org.meldekette.domain.IncidentSource;
import org.meldekette.domain.RiskLevel;
import org.meldekette.domain.Role;
import org.meldekette.domain.Triage;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.lifecycle.TriageRules;
import org.meldekette.log.StructuredLog;
import org.meldekette.store.CommitListener;
import org.meldekette.store.IncidentQueries;
import org.meldekette.store.IncidentStore;
import org.meldekette.tasks.LocalTaskQueueClient;
import org.meldekette.tasks.ReminderScheduler;
import org.meldekette.testing.ApiContract;
import org.meldekette.testing.FirestoreExtension;
import org.meldekette.testing.FunctionServer;
import org.meldekette.testing.MutableClock;
import org.meldekette.testing.Seeds;

/**
 * Serves {@link DeadlineReminderUnderTest} with a local task queue that delivers its tasks, local
 * webhooks that record every message, and the lifecycle side's {@link IncidentStore}, which queues
 * reminders as the lifecycle function does.
 */
@ExtendWith(FirestoreExtension.class)
abstract class ServedReminders {
  static final String TASKS = "tasks@meldekette-test.iam.gserviceaccount.com";
  static final String SCHEDULER = "scheduler@meldekette-test.iam.gserviceaccount.com";
  static final String AUDIENCE = "https://deadline-reminder.meldekette.test";
  static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
  static final Actor RESPONDER = Actor.staff("responder@meldekette.test", Role.RESPONDER);
  static final Actor LEGAL = Actor.staff("legal@meldekette.test", Role.LEGAL);

  /** Every answer the tests receive is checked against the API description. */
  static final ApiContract CONTRACT = ApiContract.of("deadline-reminder.openapi.yaml");

  static Firestore db;
  static MutableClock clock;

  /** The function's URL, where tasks go. */
  static String reminderUrl;

  static LocalTaskQueue queue;
  static FunctionServer server;
  static HttpServer webhooks;
  static final List<String> team = Collections.synchronizedList(new ArrayList<>());
  static final List<String> escalation = Collections.synchronizedList(new ArrayList<>());
  static final List<String> onCall = Collections.synchronizedList(new ArrayList<>());
  static final List<String> isms = Collections.synchronizedList(new ArrayList<>());
  static IncidentStore store;
  static IncidentQueries queries;

  @BeforeAll
  static void start(Firestore database) throws Exception {
    db = database;
    clock = new MutableClock(T0);
    queue = new LocalTaskQueue(0, TASKS, clock);
    webhooks = LocalHttpServer.create(0);
    webhooks.createContext(
        "/team",
        exchange -> {
          team.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    webhooks.createContext(
        "/escalation",
        exchange -> {
          escalation.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    webhooks.createContext(
        "/on-call",
        exchange -> {
          onCall.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    webhooks.createContext(
        "/isms",
        exchange -> {
          isms.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    webhooks.start();
    int port = FunctionServer.freePort();
    reminderUrl = "http://127.0.0.1:" + port;
    Map<String, String> env =
        Map.ofEntries(
            Map.entry("OIDC_ISSUER", queue.issuer()),
            Map.entry("OIDC_CERTS_URL", queue.url() + "/certs"),
            Map.entry("OIDC_AUDIENCE", AUDIENCE),
            Map.entry("TASKS_SERVICE_ACCOUNT", TASKS),
            Map.entry("SCHEDULER_SERVICE_ACCOUNT", SCHEDULER),
            Map.entry("TASK_QUEUE", "local"),
            Map.entry("LOCAL_TASK_QUEUE_URL", queue.url()),
            Map.entry("TASKS_TARGET_URL", reminderUrl),
            Map.entry("TASKS_AUDIENCE", AUDIENCE),
            Map.entry("SECRETS", "env"),
            Map.entry(
                "SECRET_INCIDENT_TEAM_WEBHOOK",
                "http://127.0.0.1:" + webhooks.getAddress().getPort() + "/team"),
            Map.entry(
                "SECRET_DPO_MANAGEMENT_WEBHOOK",
                "http://127.0.0.1:" + webhooks.getAddress().getPort() + "/escalation"),
            Map.entry(
                "SECRET_ON_CALL_WEBHOOK",
                "http://127.0.0.1:" + webhooks.getAddress().getPort() + "/on-call"),
            Map.entry(
                "SECRET_ISMS_WEBHOOK",
                "http://127.0.0.1:" + webhooks.getAddress().getPort() + "/isms"),
            Map.entry("ISMS_WEBHOOK_CHANNEL", "isms-webhook"),
            Map.entry("INCIDENT_LINK_BASE", "https://incidents.meldekette.test"),
            Map.entry("AUDIT_SINK", "stdout"),
            Map.entry("REGIMES", "GDPR,NIS2,INTERNAL"));
    DeadlineReminderUnderTest.db = database;
    DeadlineReminderUnderTest.clock = clock;
    DeadlineReminderUnderTest.env = env;
    server =
        FunctionServer.start(DeadlineReminderUnderTest.class, "http", port)
            .checkedAgainst(CONTRACT);

    store = storeOn(database);
    queries = new IncidentQueries(database, policy());
  }

  /**
   * The lifecycle side on {@code database}: changes run through IncidentStore, which queues
   * reminders as the lifecycle function does.
   */
  static IncidentStore storeOn(Firestore database) {
    ReminderScheduler scheduler =
        new ReminderScheduler(new LocalTaskQueueClient(queue.url(), reminderUrl, AUDIENCE));
    AuditExport audit =
        new AuditExport(
            () -> database,
            new StdoutAuditSink(new PrintStream(new ByteArrayOutputStream())),
            new StructuredLog("test", new PrintStream(new ByteArrayOutputStream())),
            clock);
    return new IncidentStore(
        database,
        policy(),
        CommitListener.all(
            audit,
            committed -> {
              try {
                if (committed.deadlinesMoved()) {
                  scheduler.schedule(
                      committed.incident().id(), committed.deadlines(), clock.instant());
                }
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            }));
  }

  /** The deadline policy the function under test runs with. */
  static DeadlinePolicy policy() {
    return RegimeConfig.policy(new Env(DeadlineReminderUnderTest.env));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    queue.close();
    webhooks.stop(0);
  }

  @BeforeEach
  void quiet() {
    team.clear();
    escalation.clear();
    onCall.clear();
  }

  /** A breach, classified at {@code classifiedAt} through the lifecycle's own triage change. */
  static String classifiedBreach(Instant classifiedAt) throws Exception {
    return classifiedBreach(db, store, classifiedAt, RiskLevel.LOW);
  }

  /**
   * A breach in {@code database}, classified at {@code classifiedAt} with {@code risk}, through
   * {@code incidents}.
   */
  static String classifiedBreach(
      Firestore database, IncidentStore incidents, Instant classifiedAt, RiskLevel risk)
      throws Exception {
    String id = new IncidentIds(clock, new SecureRandom()).next();
    Seeds.incident(
        database,
        Incident.open(id, "t", IncidentSource.STAFF, null, classifiedAt.minus(Duration.ofHours(1))),
        policy());
    clock.set(classifiedAt);
    incidents.update(
        id,
        1,
        Seeds.SETUP,
        (tx, current) ->
            tx.apply(
                TriageRules.triage(
                    current,
                    Triage.Input.classified(Classification.BREACH, null, risk),
                    RESPONDER,
                    clockNow())));
    return id;
  }

  static Instant clockNow() {
    return clock.instant();
  }

  /** Moves the clock and lets the queue deliver what is due. */
  static void at(Instant time) {
    clock.set(time);
    queue.deliverDue();
  }

  static List<String> messagesAbout(List<String> channel, String incidentId) {
    return channel.stream().filter(m -> m.contains(incidentId) && m.contains("Art. 33")).toList();
  }
}
