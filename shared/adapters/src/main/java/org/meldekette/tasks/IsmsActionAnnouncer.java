package org.meldekette.tasks;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.meldekette.domain.AuditEvent;
import org.meldekette.domain.ChangeType;
import org.meldekette.log.StructuredLog;
import org.meldekette.store.CommitListener;
import org.meldekette.store.Committed;

/**
 * Queues an ISMS action after every committed change of a measure, for deadline-reminder to post to
 * the ISMS's webhook (containment measures are no action there: it skips them). Queued after the
 * commit; a failure to queue is logged, and the export of the actions remains complete.
 */
public final class IsmsActionAnnouncer implements CommitListener {
  private static final Set<String> MEASURE_CHANGES =
      Set.of(ChangeType.MEASURE_ADDED.name(), ChangeType.MEASURE_CHANGED.name());

  private final TaskQueue queue;
  private final StructuredLog log;
  private final Clock clock;

  public IsmsActionAnnouncer(TaskQueue queue, StructuredLog log, Clock clock) {
    this.queue = queue;
    this.log = log;
    this.clock = clock;
  }

  @Override
  public void committed(Committed committed) {
    if (committed.incident() == null) {
      return;
    }
    for (AuditEvent event : committed.events()) {
      Object measure = event.after().get("measure");
      if (!MEASURE_CHANGES.contains(event.type()) || !(measure instanceof String id)) {
        continue;
      }
      try {
        queue.create(
            new IsmsActionTask(
                committed.incident().id(), id, committed.incident().version(), clock.instant()));
      } catch (Exception e) {
        log.write(
            StructuredLog.Severity.WARNING,
            "ISMS action not queued",
            Map.of("incidentId", committed.incident().id()),
            Map.of("exception", e.getClass().getName()),
            null);
      }
    }
  }
}
