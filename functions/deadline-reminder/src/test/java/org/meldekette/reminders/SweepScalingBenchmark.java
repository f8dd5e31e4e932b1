package org.meldekette.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.firestore.Firestore;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.meldekette.config.Env;
import org.meldekette.config.RegimeConfig;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentIds;
import org.meldekette.domain.IncidentSource;
import org.meldekette.store.CommitListener;
import org.meldekette.store.ReminderStore;
import org.meldekette.testing.Figures;
import org.meldekette.testing.FirestoreCalls;
import org.meldekette.testing.FirestoreEmulator;
import org.meldekette.testing.Seeds;
import org.meldekette.testing.TestHttp;

/**
 * The deadline sweep over 10,000 open incidents of which 10 are due, against 100 of which 10 are
 * due: the documents it reads (counted by a gRPC interceptor; target at most twice the due count)
 * and its time (median of seven sweeps; target at most 1.5 times the small run's).
 */
@Tag("benchmark")
class SweepScalingBenchmark extends ServedReminders {
  private static final int DUE = 10;
  private static final int SWEEPS = 15;
  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  @AfterEach
  void backToTheClassDatabase() {
    DeadlineReminderUnderTest.db = db;
  }

  @Test
  void sweepOverTenThousandOpenIncidentsAgainstOneHundred() throws Exception {
    clock.set(NOW);
    Run small = run(100);
    Run large = run(10_000);
    double timeRatio = large.medianMillis() / small.medianMillis();
    double queryRatio = large.queryMillis() / small.queryMillis();
    Figures.record(
        "Sweep scaling (" + DUE + " due incidents, median of " + SWEEPS + " sweeps)",
        String.format(
            """
        | open incidents | due | documents read per sweep | Firestore calls per sweep | median sweep | median of its query alone |
        |---|---|---|---|---|---|
        | 100 | %d | %d | %d | %.1f ms | %.1f ms |
        | 10,000 | %d | %d | %d | %.1f ms | %.1f ms |

        Reads per sweep at 10,000: %d (target at most %d: %s). Time 10,000 / 100: **%.2f** (target at most 1.5: %s);
        the sweep's one query alone, sent straight to the emulator: %.2f.""",
            DUE,
            small.reads(),
            small.calls(),
            small.medianMillis(),
            small.queryMillis(),
            DUE,
            large.reads(),
            large.calls(),
            large.medianMillis(),
            large.queryMillis(),
            large.reads(),
            2 * DUE,
            large.reads() <= 2 * DUE ? "met" : "MISSED",
            timeRatio,
            timeRatio <= 1.5 ? "met" : "MISSED",
            queryRatio));
    assertThat(large.incidentsFound()).isEqualTo(DUE);
  }

  private record Run(
      long reads, long calls, double medianMillis, double queryMillis, int incidentsFound) {}

  private Run run(int open) throws Exception {
    FirestoreCalls calls = new FirestoreCalls();
    Firestore database =
        calls.client(
            FirestoreEmulator.shared().host(),
            "bench-sweep-" + UUID.randomUUID().toString().substring(0, 8));
    seed(database, open);
    DeadlineReminderUnderTest.db = database;
    sweep(); // the first sweep queues the due incidents' reminders; the measured ones find them
    // queued
    List<Long> nanos = new ArrayList<>();
    long reads = 0;
    long rpcs = 0;
    int found = 0;
    for (int i = 0; i < SWEEPS; i++) {
      calls.reset();
      long start = System.nanoTime();
      HttpResponse<String> answer = sweep();
      nanos.add(System.nanoTime() - start);
      reads = calls.documentsRead();
      rpcs = calls.totalCalls();
      found = TestHttp.json(answer).get("incidents").getAsInt();
    }
    // The same query the sweep sends, alone: how the emulator's own query time grows with the
    // collection.
    List<Long> queryNanos = new ArrayList<>();
    for (int i = 0; i < SWEEPS; i++) {
      long start = System.nanoTime();
      new ReminderStore(
              () -> database,
              RegimeConfig.policy(new Env(DeadlineReminderUnderTest.env)),
              CommitListener.NONE)
          .dueBefore(NOW.plus(Duration.ofHours(49)), 1_000);
      queryNanos.add(System.nanoTime() - start);
    }
    database.close();
    return new Run(
        reads, rpcs, Figures.median(nanos) / 1e6, Figures.median(queryNanos) / 1e6, found);
  }

  private static HttpResponse<String> sweep() {
    HttpResponse<String> answer =
        TestHttp.send(
            "POST",
            server.uri("/sweep"),
            (String) null,
            "Authorization",
            "Bearer " + queue.token(SCHEDULER, AUDIENCE));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return answer;
  }

  /**
   * {@code open} open incidents: {@link #DUE} breaches whose Art. 33 deadline is two hours away,
   * the rest incidents whose first deadline (triage, 24 h after detection) lies a month ahead,
   * beyond the sweep's window.
   */
  private static void seed(Firestore database, int open) {
    IncidentIds ids = new IncidentIds(clock, new SecureRandom());
    List<Incident> incidents = new ArrayList<>();
    for (int i = 0; i < open; i++) {
      if (i < DUE) {
        Instant aware = NOW.minus(Duration.ofHours(70));
        incidents.add(
            Seeds.triagedBreach(
                Incident.open(ids.next(), "Due " + i, IncidentSource.STAFF, null, aware), aware));
      } else {
        incidents.add(
            Incident.open(
                ids.next(),
                "Open " + i,
                IncidentSource.STAFF,
                null,
                NOW.plus(Duration.ofDays(30))));
      }
    }
    Seeds.incidents(
        database, incidents, RegimeConfig.policy(new Env(DeadlineReminderUnderTest.env)));
  }
}
