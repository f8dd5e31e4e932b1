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
 * Tells the evidence vault when an incident's objects may need other holds: a legal hold placed or
 * released, a retention extension recorded or lifted, the incident closed, dismissed or reopened.
 * Queued after the commit; a failure to queue is logged, and the vault's hourly reconciliation
 * catches up.
 */
public final class VaultHoldNotifier implements CommitListener {
  private static final Set<String> HOLD_CHANGES =
      Set.of(
          ChangeType.LEGAL_HOLD_PLACED.name(),
          ChangeType.LEGAL_HOLD_RELEASED.name(),
          ChangeType.RETENTION_EXTENDED.name(),
          ChangeType.RETENTION_RENEWED.name(),
          ChangeType.RETENTION_LIFTED.name(),
          ChangeType.PHASE_CHANGED.name(),
          ChangeType.DISMISSAL_APPROVED.name(),
          ChangeType.SCREENED_OUT.name(),
          ChangeType.REOPENED.name());

  private final TaskQueue queue;
  private final StructuredLog log;
  private final Clock clock;

  public VaultHoldNotifier(TaskQueue queue, StructuredLog log, Clock clock) {
    this.queue = queue;
    this.log = log;
    this.clock = clock;
  }

  @Override
  public void committed(Committed committed) {
    committed.events().stream()
        .filter(e -> e.incidentId() != null && HOLD_CHANGES.contains(e.type()))
        .map(AuditEvent::incidentId)
        .distinct()
        .forEach(this::queue);
  }

  private void queue(String incidentId) {
    try {
      queue.create(VaultTask.holds(incidentId, clock.instant()));
    } catch (Exception e) {
      log.write(
          StructuredLog.Severity.WARNING,
          "vault holds left to the hourly reconciliation",
          Map.of("incidentId", incidentId),
          Map.of("exception", e.getClass().getName()),
          null);
    }
  }
}
