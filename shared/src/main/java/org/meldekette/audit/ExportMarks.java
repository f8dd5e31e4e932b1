package org.meldekette.audit;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.WriteBatch;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.meldekette.store.CollectionNames;
import org.meldekette.store.FirestoreErrors;
import org.meldekette.store.Timestamps;

/**
 * Marks audit events exported, with one commit shared by every request that finishes while another commit is
 * under way (a group commit). Each caller still returns only once its own events are marked, so nothing
 * changes for a single request; under a storm the marks take a few commits instead of one per request.
 */
final class ExportMarks {
  /** Firestore takes at most 500 writes in one commit. */
  private static final int MAX_WRITES = 500;

  private final Supplier<Firestore> db;
  private final Clock clock;
  private final Object lock = new Object();
  private List<Pending> waiting = new ArrayList<>();
  private boolean committing;

  private record Pending(List<String> eventIds, CompletableFuture<Void> done) {}

  ExportMarks(Supplier<Firestore> db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Marks the events; throws what the commit threw. */
  void mark(List<String> eventIds) {
    Pending mine = new Pending(eventIds, new CompletableFuture<>());
    boolean leader;
    synchronized (lock) {
      waiting.add(mine);
      leader = !committing;
      committing = true;
    }
    if (leader) {
      commitWhileWaiting();
    }
    try {
      mine.done().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
    }
  }

  /** The leader commits what has gathered, again until nobody waits (at most one batch per request in flight). */
  private void commitWhileWaiting() {
    while (true) {
      List<Pending> batch;
      synchronized (lock) {
        if (waiting.isEmpty()) {
          committing = false;
          return;
        }
        batch = waiting;
        waiting = new ArrayList<>();
      }
      try {
        commit(batch);
        batch.forEach(pending -> pending.done().complete(null));
      } catch (RuntimeException e) {
        batch.forEach(pending -> pending.done().completeExceptionally(e));
      }
    }
  }

  private void commit(List<Pending> batch) {
    Firestore firestore = db.get();
    Map<String, Object> exported = Map.of("exported", true, "exportedAt", Timestamps.of(clock.instant()));
    WriteBatch writes = firestore.batch();
    for (Pending pending : batch) {
      for (String id : pending.eventIds()) {
        if (writes.getMutationsSize() == MAX_WRITES) {
          FirestoreErrors.await(writes.commit());
          writes = firestore.batch();
        }
        writes.update(firestore.collection(CollectionNames.AUDIT_EVENTS).document(id), exported);
      }
    }
    if (writes.getMutationsSize() > 0) {
      FirestoreErrors.await(writes.commit());
    }
  }
}
