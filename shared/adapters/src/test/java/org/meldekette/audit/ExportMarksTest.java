package org.meldekette.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.meldekette.store.CollectionNames;
import org.meldekette.testing.FirestoreExtension;
import org.meldekette.testing.MutableClock;
import org.meldekette.testing.Seeds;

/** The group commit of export marks, against the Firestore emulator. */
@ExtendWith(FirestoreExtension.class)
class ExportMarksTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T08:00:00Z"));

  @Test
  void marksArrivingWhileACommitRunsShareTheNextCommitWhichAWaitingCallerMakes(Firestore db)
      throws Exception {
    // Each commit is held at its start until the test lets it go.
    List<CountDownLatch> gates = List.of(new CountDownLatch(1), new CountDownLatch(1));
    AtomicInteger commits = new AtomicInteger();
    Supplier<Firestore> gated =
        () -> {
          int commit = commits.incrementAndGet();
          if (commit <= gates.size()) {
            await(gates.get(commit - 1));
          }
          return db;
        };
    ExportMarks marks = new ExportMarks(gated, clock);
    List<List<String>> perCaller =
        IntStream.range(0, 12).mapToObj(i -> unexportedEvents(db, 1 + i % 3)).toList();
    ConcurrentLinkedQueue<String> notStoredOnReturn = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

    List<Thread> callers = new ArrayList<>();
    for (List<String> ids : perCaller) {
      Thread caller =
          new Thread(
              () -> {
                try {
                  marks.mark(ids);
                  ids.stream().filter(id -> !exported(db, id)).forEach(notStoredOnReturn::add);
                } catch (Throwable t) {
                  failures.add(t);
                }
              });
      caller.setDaemon(true); // a failed assertion leaves it held at a gate
      callers.add(caller);
      caller.start();
      if (callers.size() == 1) {
        awaitCommits(commits, 1);
      }
    }
    awaitAllWaiting(callers);

    // The first caller's commit ends: it returns at once, while one of the eleven commits the
    // others' marks.
    gates.get(0).countDown();
    callers.get(0).join(30_000);
    awaitCommits(commits, 2);
    assertThat(callers.get(0).isAlive())
        .as("the first caller is not kept busy with later marks")
        .isFalse();
    assertThat(callers.subList(1, callers.size()))
        .as("the eleven wait for their shared commit")
        .allMatch(Thread::isAlive);

    gates.get(1).countDown();
    for (Thread caller : callers) {
      caller.join(30_000);
    }
    assertThat(failures).isEmpty();
    assertThat(notStoredOnReturn).isEmpty();
    assertThat(commits)
        .as("the first caller's commit, then one for the eleven that came meanwhile")
        .hasValue(2);
    perCaller.stream().flatMap(List::stream).forEach(id -> assertThat(exported(db, id)).isTrue());
  }

  @Test
  void moreMarksThanOneCommitTakesAreAllStored(Firestore db) {
    List<String> ids = unexportedEvents(db, 1_100);

    new ExportMarks(() -> db, clock).mark(ids);

    assertThat(ids).allMatch(id -> exported(db, id));
    assertThat(snapshot(db, ids.get(0)).getTimestamp("exportedAt").toDate().toInstant())
        .isEqualTo(clock.instant());
  }

  @Test
  void aFailedCommitIsThrownAtTheCallerAndTheMarkerStaysUsable(Firestore db) {
    ExportMarks marks = new ExportMarks(() -> db, clock);
    String missing = "missing-" + UUID.randomUUID();

    assertThatThrownBy(() -> marks.mark(List.of(missing))).isInstanceOf(RuntimeException.class);

    List<String> ids = unexportedEvents(db, 2);
    marks.mark(ids);
    assertThat(ids).allMatch(id -> exported(db, id));
  }

  private static List<String> unexportedEvents(Firestore db, int count) {
    Map<DocumentReference, Map<String, Object>> events = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      events.put(
          db.collection(CollectionNames.AUDIT_EVENTS).document("mark-" + UUID.randomUUID()),
          Map.of("exported", false));
    }
    Seeds.createAll(db, events);
    return events.keySet().stream().map(DocumentReference::getId).toList();
  }

  private static boolean exported(Firestore db, String id) {
    return Boolean.TRUE.equals(snapshot(db, id).getBoolean("exported"));
  }

  private static DocumentSnapshot snapshot(Firestore db, String id) {
    try {
      return db.collection(CollectionNames.AUDIT_EVENTS).document(id).get().get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void awaitCommits(AtomicInteger commits, int started) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (commits.get() < started) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("commit " + started + " never started");
      }
      Thread.onSpinWait();
    }
  }

  /** Every caller parked: the leader on the gate, the others on their own mark's completion. */
  private static void awaitAllWaiting(List<Thread> callers) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!callers.stream().allMatch(t -> t.getState() == Thread.State.WAITING)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "callers not all waiting: " + callers.stream().map(Thread::getState).toList());
      }
      Thread.yield();
    }
  }
}
