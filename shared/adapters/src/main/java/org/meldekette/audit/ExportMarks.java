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
 * Marks audit events exported, with one commit shared by every request that finishes while another
 * commit is under way (a group commit). Each caller still returns only once its own events are
 * marked, so nothing changes for a single request; under a storm the marks take a few commits
 * instead of one per request. A caller commits at most one batch, the one holding its own marks,
 * then hands the next batch to a waiting caller: no request is kept busy with the marks of requests
 * that came after it.
 */
final class ExportMarks {
  /** Firestore takes at most 500 writes in one commit. */
  private static final int MAX_WRITES = 500;

  private final Supplier<Firestore> db;
  private final Clock clock;
  private final Object lock = new Object();
  private List<Pending> waiting = new ArrayList<>();
  private boolean committing;

  /**
   * What a waiting caller is told: its marks are stored, or it is to commit the next batch itself.
   */
  private enum Turn {
    STORED,
    COMMIT_NEXT
  }

  private record Pending(List<String> eventIds, CompletableFuture<Turn> turn) {}

  ExportMarks(Supplier<Firestore> db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Marks the events; throws what the commit threw. */
  void mark(List<String> eventIds) {
    Pending mine = new Pending(eventIds, new CompletableFuture<>());
    boolean commitNow;
    synchronized (lock) {
      waiting.add(mine);
      commitNow = !committing;
      committing = true;
    }
    if (!commitNow && awaitTurn(mine) == Turn.STORED) {
      return;
    }
    commitWaitingAndHandOver(mine);
  }

  private static Turn awaitTurn(Pending pending) {
    try {
      return pending.turn().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
    }
  }

  /**
   * Commits every waiting mark (the caller's among them), tells their callers, and passes the turn
   * on.
   */
  private void commitWaitingAndHandOver(Pending mine) {
    List<Pending> batch;
    synchronized (lock) {
      batch = waiting;
      waiting = new ArrayList<>();
    }
    RuntimeException failure = null;
    try {
      commit(batch);
    } catch (RuntimeException e) {
      failure = e;
    } catch (Error e) {
      // the waiting callers must hear of it, or they would wait forever
      failure = new IllegalStateException("marking audit events exported failed", e);
    }
    for (Pending pending : batch) {
      if (pending == mine) {
        continue;
      }
      if (failure == null) {
        pending.turn().complete(Turn.STORED);
      } else {
        pending.turn().completeExceptionally(failure);
      }
    }
    synchronized (lock) {
      if (waiting.isEmpty()) {
        committing = false;
      } else {
        waiting.get(0).turn().complete(Turn.COMMIT_NEXT);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void commit(List<Pending> batch) {
    Firestore firestore = db.get();
    Map<String, Object> exported =
        Map.of("exported", true, "exportedAt", Timestamps.of(clock.instant()));
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
