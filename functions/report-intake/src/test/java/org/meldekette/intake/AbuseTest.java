package org.meldekette.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.firestore.Firestore;
import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.meldekette.dev.LocalTaskQueue;
import org.meldekette.testing.ApiContract;
import org.meldekette.testing.FirestoreExtension;
import org.meldekette.testing.FunctionServer;
import org.meldekette.testing.TestHttp;

/**
 * The public side under abuse, with the limits Meldekette ships with: a flood from one client is
 * cut at its budget while others go through; a system-wide surge loses no report but holds them for
 * screening, with one digest for the team.
 */
@ExtendWith(FirestoreExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AbuseTest {
  private static final String REPORT =
      "{\"kind\":\"SECURITY_INCIDENT\",\"title\":\"Phishing\",\"description\":\"A mail asked for my"
          + " password.\"}";
  private static FunctionServer server;
  private static LocalTaskQueue queue;
  private static Firestore db;

  @BeforeAll
  static void start(Firestore database) throws Exception {
    db = database;
    LimitedIntakeUnderTest.db = database;
    queue =
        new LocalTaskQueue(
            0,
            "tasks@meldekette.test",
            java.time.Clock.fixed(ReportIntakeUnderTest.NOW, java.time.ZoneOffset.UTC));
    LimitedIntakeUnderTest.queueUrl = queue.url();
    server =
        FunctionServer.start(LimitedIntakeUnderTest.class, "http")
            .checkedAgainst(ApiContract.of("report-intake.openapi.yaml"));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    queue.close();
  }

  private static HttpResponse<String> report(String client, String... headers) {
    List<String> all = new ArrayList<>(List.of("Content-Type", "application/json"));
    all.addAll(List.of("X-Forwarded-For", client));
    all.addAll(List.of(headers));
    return TestHttp.send("POST", server.uri("/api/report"), REPORT, all.toArray(String[]::new));
  }

  private static long count(String collection) throws Exception {
    return db.collection(collection).count().get().get().getCount();
  }

  @Test
  @Order(1)
  void aFloodFromOneClientStopsAtItsBudgetWhileAnotherClientGoesThrough() throws Exception {
    String flooder = "198.51.100.7";
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    ExecutorService threads = Executors.newFixedThreadPool(16);
    List<Future<?>> sent = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      sent.add(
          threads.submit(
              () ->
                  statuses
                      .computeIfAbsent(report(flooder).statusCode(), s -> new AtomicInteger())
                      .incrementAndGet()));
    }
    for (Future<?> f : sent) {
      f.get();
    }
    threads.shutdown();

    assertThat(statuses.keySet()).containsOnly(201, 429);
    assertThat(statuses.get(201).get()).as("the budget: 5 per 10 minutes").isEqualTo(5);
    assertThat(statuses.get(429).get()).isEqualTo(295);
    assertThat(count("reports")).as("nothing stored beyond the budget").isEqualTo(5);
    assertThat(count("incidents")).isEqualTo(5);

    HttpResponse<String> refused = report(flooder);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(TestHttp.json(refused).getAsJsonObject("error").get("code").getAsString())
        .isEqualTo("TOO_MANY_REPORTS");
    long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 600L);

    assertThat(report("203.0.113.50").statusCode()).as("another client").isEqualTo(201);
  }

  @Test
  @Order(2)
  void aRepeatOfAKeyedReportGetsItsFirstAnswerEvenWhenTheClientIsOverItsBudget() {
    String client = "198.51.100.8";
    HttpResponse<String> first = report(client, "Idempotency-Key", "form-load-0001");
    assertThat(first.statusCode()).isEqualTo(201);
    for (int i = 0; i < 4; i++) {
      assertThat(report(client).statusCode()).isEqualTo(201);
    }
    assertThat(report(client).statusCode()).isEqualTo(429);

    HttpResponse<String> again = report(client, "Idempotency-Key", "form-load-0001");
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(TestHttp.json(again).get("incidentId").getAsString())
        .isEqualTo(TestHttp.json(first).get("incidentId").getAsString());
  }

  @Test
  @Order(3)
  void aSurgeBeyondTheSystemWideRateLosesNoReportAndHoldsTheRestForScreeningWithOneDigest()
      throws Exception {
    long before = count("reports");
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<HttpResponse<String>>> sent = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      String client = "10." + (i / 250) + "." + (i % 250) + ".1";
      sent.add(pool.submit(() -> report(client)));
    }
    int accepted = 0;
    for (Future<HttpResponse<String>> f : sent) {
      HttpResponse<String> answer = f.get();
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
      JsonObject receipt = TestHttp.json(answer);
      assertThat(receipt.get("receiptCode").getAsString()).isNotBlank();
      accepted++;
    }
    pool.shutdown();

    assertThat(accepted).isEqualTo(1000);
    assertThat(count("reports") - before).as("none lost").isEqualTo(1000);
    long held =
        db.collection("incidents").whereEqualTo("held", true).count().get().get().getCount();
    long taken = before + 1000 - held;
    assertThat(taken)
        .as("50 per 10 minutes go in as incidents (a few racing requests may pass the count)")
        .isBetween(50L, 50L + threads);
    var anyHeld =
        db.collection("incidents").whereEqualTo("held", true).limit(1).get().get().getDocuments();
    assertThat(anyHeld.get(0).get("nextDeadlineAt")).as("no clock runs").isNull();
    assertThat((List<?>) anyHeld.get(0).get("deadlines")).isEmpty();

    List<String> digests =
        queue.pending().stream()
            .map(LocalTaskQueue.Task::name)
            .filter(name -> name.startsWith("screening-"))
            .toList();
    assertThat(digests).as("one digest for the surge").hasSize(1);
    long announced = queue.pending().stream().filter(t -> t.name().endsWith("-new")).count();
    assertThat(announced).as("held reports are not announced one by one").isEqualTo(taken);
  }
}
