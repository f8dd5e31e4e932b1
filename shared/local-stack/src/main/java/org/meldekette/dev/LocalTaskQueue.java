package org.meldekette.dev;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.meldekette.json.Json;

/**
 * The local stack's stand-in for a Cloud Tasks queue, started by {@code ./run-local.sh} and used by
 * tests: tasks created over HTTP ({@code POST /tasks}, {@code GET /tasks}, {@code DELETE
 * /tasks/{name}}) are delivered at their schedule time as HTTP POSTs carrying an OIDC token of the
 * queue's service account, signed by a key it publishes at {@code /certs}. Like Cloud Tasks, it
 * retries failed deliveries with backoff and keeps the names of delivered and deleted tasks taken
 * for an hour. Never part of a deployment.
 */
public final class LocalTaskQueue implements AutoCloseable {
  private static final Duration NAME_REUSE_AFTER = Duration.ofHours(1);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** A queued task. */
  public record Task(
      String name, Instant scheduleTime, String url, String audience, String body, int attempts) {}

  private final TokenIssuer issuer;
  private final String serviceAccount;
  private final Clock clock;
  private final Map<String, Task> tasks = new LinkedHashMap<>();
  private final Map<String, Instant> taken = new LinkedHashMap<>();
  private final HttpServer server;

  public LocalTaskQueue(int port, String serviceAccount, Clock clock) throws IOException {
    this.server = LocalHttpServer.create(port);
    this.issuer =
        new TokenIssuer("http://127.0.0.1:" + server.getAddress().getPort(), "local-queue");
    this.serviceAccount = serviceAccount;
    this.clock = clock;
    server.createContext("/tasks", this::tasks);
    server.createContext("/certs", exchange -> answer(exchange, 200, issuer.jwks()));
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The issuer of the tasks' OIDC tokens, which the receiving function is configured to trust. */
  public String issuer() {
    return issuer.issuer();
  }

  /** An OIDC token of {@code account}, as Google would issue it to Cloud Scheduler, say. */
  public String token(String account, String audience) {
    Instant now = clock.instant();
    return issuer.sign(account, audience, now, now.plus(Duration.ofMinutes(30)));
  }

  public synchronized List<Task> pending() {
    return List.copyOf(tasks.values());
  }

  /** Removes a task as {@code gcloud tasks delete} would; its name stays taken. */
  public synchronized boolean delete(String name) {
    taken.put(name, clock.instant());
    return tasks.remove(name) != null;
  }

  /** Delivers every task due at the clock's time once; gives how many deliveries succeeded. */
  public int deliverDue() {
    List<Task> due;
    synchronized (this) {
      Instant now = clock.instant();
      due = tasks.values().stream().filter(t -> !t.scheduleTime().isAfter(now)).toList();
    }
    int delivered = 0;
    for (Task task : due) {
      if (deliver(task)) {
        delivered++;
      }
    }
    return delivered;
  }

  /**
   * Delivers one task, as Cloud Tasks would even for a task it already delivered (at-least-once).
   */
  public boolean deliver(Task task) {
    Instant now = clock.instant();
    String token =
        issuer.sign(serviceAccount, task.audience(), now, now.plus(Duration.ofMinutes(30)));
    int status;
    try {
      status =
          HTTP.send(
                  HttpRequest.newBuilder(URI.create(task.url()))
                      .timeout(Duration.ofSeconds(30))
                      .header("Content-Type", "application/json")
                      .header("Authorization", "Bearer " + token)
                      .header("X-CloudTasks-TaskName", task.name())
                      .POST(HttpRequest.BodyPublishers.ofString(task.body()))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode();
    } catch (IOException | InterruptedException e) {
      status = 503;
    }
    synchronized (this) {
      if (status / 100 == 2) {
        tasks.remove(task.name());
        taken.put(task.name(), now);
        return true;
      }
      Duration backoff =
          Duration.ofSeconds(Math.min(3600, 1L << Math.min(task.attempts() + 1, 12)));
      tasks.computeIfPresent(
          task.name(),
          (name, t) ->
              new Task(name, now.plus(backoff), t.url(), t.audience(), t.body(), t.attempts() + 1));
      return false;
    }
  }

  private void tasks(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    if (method.equals("POST") && path.equals("/tasks")) {
      JsonObject body =
          JsonParser.parseString(
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
              .getAsJsonObject();
      Task task =
          new Task(
              body.get("name").getAsString(),
              Instant.parse(body.get("scheduleTime").getAsString()),
              body.get("url").getAsString(),
              body.get("audience").getAsString(),
              body.get("body").getAsString(),
              0);
      answer(exchange, create(task) ? 201 : 409, "{}");
    } else if (method.equals("GET") && path.equals("/tasks")) {
      List<Map<String, Object>> list = new ArrayList<>();
      for (Task task : pending()) {
        list.add(
            Map.of(
                "name",
                task.name(),
                "scheduleTime",
                task.scheduleTime().toString(),
                "attempts",
                task.attempts()));
      }
      answer(exchange, 200, Json.write(Map.of("tasks", list)));
    } else if (method.equals("DELETE") && path.startsWith("/tasks/")) {
      answer(exchange, delete(path.substring("/tasks/".length())) ? 200 : 404, "{}");
    } else {
      answer(exchange, 405, "{}");
    }
  }

  private synchronized boolean create(Task task) {
    Instant takenAt = taken.get(task.name());
    if (tasks.containsKey(task.name())
        || takenAt != null && takenAt.plus(NAME_REUSE_AFTER).isAfter(clock.instant())) {
      return false;
    }
    tasks.put(task.name(), task);
    return true;
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /**
   * {@code ./run-local.sh}: serves on the given port, delivers due tasks every second, and plays
   * Cloud Scheduler: calls the sweep every given number of minutes (0: never) with the scheduler
   * account's token; and, when given, calls the mailbox's poll every given number of seconds. Args:
   * port, tasks service account, sweep URL, scheduler service account, audience, minutes between
   * sweeps[, poll URL, its audience, seconds between polls].
   */
  public static void main(String[] args) throws IOException {
    LocalTaskQueue queue =
        new LocalTaskQueue(Integer.parseInt(args[0]), args[1], Clock.systemUTC());
    String sweepUrl = args[2];
    String scheduler = args[3];
    String audience = args[4];
    int sweepMinutes = Integer.parseInt(args[5]);
    var timer = Executors.newScheduledThreadPool(2);
    timer.scheduleWithFixedDelay(queue::deliverDue, 1, 1, TimeUnit.SECONDS);
    if (sweepMinutes > 0) {
      schedule(timer, queue, sweepUrl, scheduler, audience, sweepMinutes * 60L);
    }
    if (args.length >= 9 && Integer.parseInt(args[8]) > 0) {
      schedule(timer, queue, args[6], scheduler, args[7], Integer.parseInt(args[8]));
    }
    System.out.println(
        "Local task queue on "
            + queue.url()
            + " (tokens of "
            + args[1]
            + ", issuer "
            + queue.issuer()
            + "); "
            + (sweepMinutes > 0
                ? "sweeping " + sweepUrl + " every " + sweepMinutes + " minutes"
                : "no sweeps"));
  }

  /**
   * Calls {@code url} with the scheduler account's token every {@code seconds}, as Cloud Scheduler.
   */
  private static void schedule(
      ScheduledExecutorService timer,
      LocalTaskQueue queue,
      String url,
      String scheduler,
      String audience,
      long seconds) {
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofMinutes(2))
                    .header("Authorization", "Bearer " + queue.token(scheduler, audience))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.discarding());
          } catch (IOException | InterruptedException e) {
            System.out.println("scheduled call failed: " + e.getClass().getSimpleName());
          }
        },
        Math.min(seconds, 60),
        seconds,
        TimeUnit.SECONDS);
  }
}
