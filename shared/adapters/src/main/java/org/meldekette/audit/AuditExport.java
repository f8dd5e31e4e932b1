package org.meldekette.audit;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.meldekette.domain.AuditEvent;
import org.meldekette.log.StructuredLog;
import org.meldekette.store.AuditDocuments;
import org.meldekette.store.CollectionNames;
import org.meldekette.store.CommitListener;
import org.meldekette.store.Committed;
import org.meldekette.store.FirestoreErrors;
import org.meldekette.store.Timestamps;

/**
 * Copies audit events from Firestore to the audit sink and marks them exported. Right after a
 * change commits its event is exported synchronously; if the sink fails, the event stays unexported
 * in Firestore and the sweep exports it later. No event is lost; none is marked twice, and the sink
 * drops repeats by insert ID.
 */
public final class AuditExport implements CommitListener {
  /** The sweep leaves events this young to the request that wrote them. */
  public static final Duration SWEEP_MIN_AGE = Duration.ofMinutes(2);

  private final Supplier<Firestore> db;
  private final AuditSink sink;
  private final StructuredLog log;
  private final Clock clock;
  private final ExportMarks marks;

  public AuditExport(Supplier<Firestore> db, AuditSink sink, StructuredLog log, Clock clock) {
    this.db = db;
    this.sink = sink;
    this.log = log;
    this.clock = clock;
    this.marks = new ExportMarks(db, clock);
  }

  /** Exports the events of a commit that just stood. */
  @Override
  public void committed(Committed committed) {
    exportNow(committed.events());
  }

  /**
   * Exports events just committed; a failure is logged and left to the sweep, never thrown at the
   * caller.
   */
  public void exportNow(List<AuditEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    try {
      sink.write(events);
      marks.mark(events.stream().map(AuditEvent::id).toList());
    } catch (Exception e) {
      log.write(
          StructuredLog.Severity.WARNING,
          "audit export deferred to the sweep",
          Map.of("component", "audit-export"),
          Map.of(
              "events",
              events.stream().map(AuditEvent::id).toList(),
              "exception",
              e.getClass().getName()),
          null);
    }
  }

  /**
   * The sweep's part: exports up to {@code limit} unexported events older than {@link
   * #SWEEP_MIN_AGE}.
   */
  public int exportPending(int limit) throws Exception {
    Instant cutoff = clock.instant().minus(SWEEP_MIN_AGE);
    List<QueryDocumentSnapshot> pending =
        FirestoreErrors.await(
                db.get()
                    .collection(CollectionNames.AUDIT_EVENTS)
                    .whereEqualTo("exported", false)
                    .whereLessThan("at", Timestamps.of(cutoff))
                    .orderBy("at", Query.Direction.ASCENDING)
                    .limit(limit)
                    .get())
            .getDocuments();
    if (pending.isEmpty()) {
      return 0;
    }
    List<AuditEvent> events = pending.stream().map(AuditDocuments::event).toList();
    sink.write(events);
    marks.mark(pending.stream().map(QueryDocumentSnapshot::getId).toList());
    return events.size();
  }
}
