package org.meldekette.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.firestore.Firestore;
import com.sun.net.httpserver.HttpServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.meldekette.config.Env;
import org.meldekette.config.RegimeConfig;
import org.meldekette.dev.JwksEndpoint;
import org.meldekette.dev.LocalHttpServer;
import org.meldekette.dev.LocalTaskQueue;
import org.meldekette.dev.TokenIssuer;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentIds;
import org.meldekette.domain.IncidentSource;
import org.meldekette.domain.Member;
import org.meldekette.domain.Role;
import org.meldekette.store.MemberStore;
import org.meldekette.testing.Figures;
import org.meldekette.testing.FirestoreEmulator;
import org.meldekette.testing.FunctionServer;
import org.meldekette.testing.ProjectFiles;
import org.meldekette.testing.Seeds;
import org.meldekette.testing.TestHttp;

/**
 * Peak resident memory of report-intake, incident-lifecycle and deadline-reminder, each its
 * deployable jar in a JVM sized for a 256 MiB instance, under a load of its own, 16 requests at a
 * time (alert-triage's is measured during the storm). Target: each fits 256 MiB.
 */
@Tag("benchmark")
class MemoryBenchmark {
  private static final int CONCURRENCY = 16;
  private static final Path LOGS = ProjectFiles.root().resolve("target/bench");

  @Test
  void peakMemoryUnderLoad() throws Exception {
    StringBuilder table =
        new StringBuilder(
            "| function | load | answers | peak resident memory |\n|---|---|---|---|\n");
    table.append(reportIntake());
    table.append(incidentLifecycle());
    table.append(deadlineReminder());
    Figures.record(
        "Memory under load (JVM sized for a 256 MiB instance, " + FunctionProcess.JVM_OPTIONS + ")",
        table.toString());
  }

  private static String reportIntake() throws Exception {
    try (LocalTaskQueue queue = new LocalTaskQueue(0, "tasks@meldekette.bench", Clock.systemUTC());
        FunctionProcess intake =
            FunctionProcess.start(
                    FunctionProcess.deploymentJar("report-intake"),
                    "org.meldekette.intake.ReportIntakeFunction",
                    FunctionProcess.unthrottled(
                        FunctionProcess.withTaskQueue(
                            Map.of(
                                "FIRESTORE_EMULATOR_HOST",
                                host(),
                                "GOOGLE_CLOUD_PROJECT",
                                "bench-memory-" + suffix(),
                                "AUDIT_SINK",
                                "stdout"),
                            queue.url())),
                    LOGS.resolve("memory-report-intake.log"))
                .awaitListening()) {
      Map<Integer, Integer> answers =
          load(
              2_000,
              i ->
                  TestHttp.send(
                      "POST",
                      intake.uri("/"),
                      """
          {"kind":"SECURITY_INCIDENT","title":"Memory %d","description":"%s","reporterEmail":"r%d@example.org"}"""
                          .formatted(i, "x".repeat(2_000), i),
                      "Content-Type",
                      "application/json"));
      return row("report-intake", "2,000 reports of 2 KB", answers, intake.peakResidentMib());
    }
  }

  private static String incidentLifecycle() throws Exception {
    String project = "bench-memory-" + suffix();
    Firestore db = FirestoreEmulator.shared().client(project);
    TokenIssuer issuer = new TokenIssuer("https://issuer.meldekette.bench", "bench-key");
    String responder = "responder@meldekette.bench";
    new MemberStore(db)
        .put(new Member(responder, EnumSet.of(Role.RESPONDER), true), "bench", Instant.now());
    List<String> ids = seed(db, 200, false);
    String audience = "https://incident-lifecycle.meldekette.bench";
    try (JwksEndpoint keys = JwksEndpoint.serve(issuer, 0);
        LocalTaskQueue queue = new LocalTaskQueue(0, "tasks@meldekette.bench", Clock.systemUTC());
        FunctionProcess lifecycle =
            FunctionProcess.start(
                    FunctionProcess.deploymentJar("incident-lifecycle"),
                    "org.meldekette.lifecycle.IncidentLifecycleFunction",
                    FunctionProcess.withTaskQueue(
                        Map.of(
                            "FIRESTORE_EMULATOR_HOST",
                            host(),
                            "GOOGLE_CLOUD_PROJECT",
                            project,
                            "AUDIT_SINK",
                            "stdout",
                            "AUTH_AUDIENCE",
                            audience,
                            "AUTH_ISSUER",
                            issuer.issuer(),
                            "AUTH_CERTS_URL",
                            keys.certsUrl()),
                        queue.url()),
                    LOGS.resolve("memory-incident-lifecycle.log"))
                .awaitListening()) {
      String token =
          issuer.sign(responder, audience, Instant.now(), Instant.now().plus(Duration.ofHours(1)));
      // Each request reads an incident, the list, or triages one (with the ETag it read).
      Map<Integer, Integer> answers =
          load(
              2_000,
              i -> {
                String id = ids.get(i % ids.size());
                return switch (i % 3) {
                  case 0 ->
                      TestHttp.send(
                          "GET",
                          lifecycle.uri("/incidents?pageSize=50"),
                          (byte[]) null,
                          "Authorization",
                          "Bearer " + token);
                  case 1 ->
                      TestHttp.send(
                          "GET",
                          lifecycle.uri("/incidents/" + id),
                          (byte[]) null,
                          "Authorization",
                          "Bearer " + token);
                  default -> {
                    String etag =
                        TestHttp.send(
                                "GET",
                                lifecycle.uri("/incidents/" + id),
                                (byte[]) null,
                                "Authorization",
                                "Bearer " + token)
                            .headers()
                            .firstValue("ETag")
                            .orElse("\"0\"");
                    yield TestHttp.send(
                        "PUT",
                        lifecycle.uri("/incidents/" + id + "/triage"),
                        """
                {"classification":"INCIDENT","severity":"P3","affectedSystems":["s%d"],"initialRisk":"LOW"}"""
                            .formatted(i),
                        "Content-Type",
                        "application/json",
                        "Authorization",
                        "Bearer " + token,
                        "If-Match",
                        etag);
                  }
                };
              });
      return row(
          "incident-lifecycle",
          "2,000 requests: list, read, triage (with If-Match; a concurrent change is " + "a 412)",
          answers,
          lifecycle.peakResidentMib());
    } finally {
      db.close();
    }
  }

  private static String deadlineReminder() throws Exception {
    String project = "bench-memory-" + suffix();
    Firestore db = FirestoreEmulator.shared().client(project);
    seed(db, 500, true);
    String audience = "https://deadline-reminder.meldekette.bench";
    AtomicInteger messages = new AtomicInteger();
    HttpServer webhooks = LocalHttpServer.create(0);
    webhooks.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          messages.incrementAndGet();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    webhooks.start();
    String webhook = "http://127.0.0.1:" + webhooks.getAddress().getPort() + "/chat";
    try (LocalTaskQueue queue =
        new LocalTaskQueue(0, "tasks@meldekette.bench", Clock.systemUTC())) {
      int port = FunctionServer.freePort();
      try (FunctionProcess reminder =
          FunctionProcess.start(
                  FunctionProcess.deploymentJar("deadline-reminder"),
                  "org.meldekette.reminders.DeadlineReminderFunction",
                  Map.ofEntries(
                      Map.entry("FIRESTORE_EMULATOR_HOST", host()),
                      Map.entry("GOOGLE_CLOUD_PROJECT", project),
                      Map.entry("AUDIT_SINK", "stdout"),
                      Map.entry("OIDC_ISSUER", queue.issuer()),
                      Map.entry("OIDC_CERTS_URL", queue.url() + "/certs"),
                      Map.entry("OIDC_AUDIENCE", audience),
                      Map.entry("TASKS_SERVICE_ACCOUNT", "tasks@meldekette.bench"),
                      Map.entry("SCHEDULER_SERVICE_ACCOUNT", "scheduler@meldekette.bench"),
                      Map.entry("TASK_QUEUE", "local"),
                      Map.entry("LOCAL_TASK_QUEUE_URL", queue.url()),
                      Map.entry("TASKS_AUDIENCE", audience),
                      Map.entry("TASKS_TARGET_URL", "http://127.0.0.1:" + port),
                      Map.entry("SECRETS", "env"),
                      Map.entry("SECRET_INCIDENT_TEAM_WEBHOOK", webhook),
                      Map.entry("SECRET_DPO_MANAGEMENT_WEBHOOK", webhook)),
                  LOGS.resolve("memory-deadline-reminder.log"),
                  port)
              .awaitListening()) {
        HttpResponse<String> sweep =
            TestHttp.send(
                "POST",
                reminder.uri("/sweep"),
                (byte[]) null,
                "Authorization",
                "Bearer " + queue.token("scheduler@meldekette.bench", audience));
        assertThat(sweep.statusCode()).as(sweep.body()).isEqualTo(200);
        int delivered = queue.deliverDue(); // the reminders due now: one chat message each
        return row(
            "deadline-reminder",
            "a sweep over 500 due breaches, then " + delivered + " reminder tasks",
            Map.of(200, delivered + 1),
            reminder.peakResidentMib());
      }
    } finally {
      webhooks.stop(0);
      db.close();
    }
  }

  /** Open incidents in triage, or breaches whose Art. 33 deadline is two hours away. */
  private static List<String> seed(Firestore db, int count, boolean dueBreaches) {
    IncidentIds ids = new IncidentIds(Clock.systemUTC(), new SecureRandom());
    Instant aware = Instant.now().minus(Duration.ofHours(70));
    List<Incident> incidents = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Incident incident =
          Incident.open(ids.next(), "Memory " + i, IncidentSource.STAFF, null, aware);
      incidents.add(dueBreaches ? Seeds.triagedBreach(incident, aware) : incident);
    }
    Seeds.incidents(db, incidents, RegimeConfig.policy(new Env(Map.of())));
    return incidents.stream().map(Incident::id).toList();
  }

  private interface Request {
    HttpResponse<String> send(int i);
  }

  /**
   * Sends {@code count} requests, {@link #CONCURRENCY} at a time; gives how often each status came
   * back.
   */
  private static Map<Integer, Integer> load(int count, Request request) throws Exception {
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    ExecutorService threads = Executors.newFixedThreadPool(CONCURRENCY);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int index = i;
      done.add(
          threads.submit(() -> statuses.merge(request.send(index).statusCode(), 1, Integer::sum)));
    }
    for (Future<?> future : done) {
      future.get();
    }
    threads.shutdown();
    return new TreeMap<>(statuses);
  }

  private static String row(
      String function, String load, Map<Integer, Integer> answers, double peakMib) {
    assertThat(answers.keySet()).as(function + " answered").allMatch(status -> status < 500);
    Figures.measured("peak memory MiB, " + function, peakMib, "≤ 192", peakMib <= 192);
    return String.format(
        "| %s | %s | %s | **%.0f MiB** (%s) |%n",
        function, load, answers, peakMib, peakMib <= 192 ? "within 192 MiB" : "OVER 192 MiB");
  }

  private static String host() {
    return FirestoreEmulator.shared().host();
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
