package org.meldekette.tasks;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.meldekette.domain.ChangeType;
import org.meldekette.domain.Incident;
import org.meldekette.domain.Severity;
import org.meldekette.log.StructuredLog;
import org.meldekette.store.CommitListener;
import org.meldekette.store.Committed;

/**
 * Tells the team at once: right after an incident is opened (from a report or an alert) its
 * announcement is queued, and a P1 — opened as one, or triaged to one — pages on-call. Queued after
 * the commit, never inside it; a failure to queue is logged and leaves the triage clock's reminders
 * as the safety net.
 */
public final class IncidentAnnouncer implements CommitListener {
  /** The changes after which an incident's severity may have become P1. */
  private static final Set<String> SEVERITY_SET =
      Set.of(ChangeType.TRIAGE_RECORDED.name(), ChangeType.TRIAGE_CHANGE_APPROVED.name());

  private final TaskQueue queue;
  private final StructuredLog log;
  private final Clock clock;

  public IncidentAnnouncer(TaskQueue queue, StructuredLog log, Clock clock) {
    this.queue = queue;
    this.log = log;
    this.clock = clock;
  }

  @Override
  public void committed(Committed committed) {
    Incident incident = committed.incident();
    if (incident == null) {
      return;
    }
    if (committed.opened() && incident.held()) {
      // A surge: the team hears of the reports held for screening in one digest, not one by one.
      queue(NotificationTask.screening(clock.instant()));
      return;
    }
    boolean screenedIn =
        committed.events().stream().anyMatch(e -> e.type().equals(ChangeType.SCREENED_IN.name()));
    if (committed.opened() || screenedIn) {
      queue(NotificationTask.newIncident(incident.id(), clock.instant()));
    }
    boolean p1 = incident.triage() != null && incident.triage().severity() == Severity.P1;
    boolean severitySet =
        committed.opened()
            || committed.events().stream().anyMatch(e -> SEVERITY_SET.contains(e.type()));
    if (p1 && severitySet) {
      queue(NotificationTask.page(incident.id(), clock.instant()));
    }
  }

  private void queue(NotificationTask task) {
    try {
      queue.create(task);
    } catch (Exception e) {
      log.write(
          StructuredLog.Severity.WARNING,
          "notification not queued: the triage reminders remain",
          task.incidentId() == null
              ? Map.of("notification", task.kind().name())
              : Map.of("incidentId", task.incidentId(), "notification", task.kind().name()),
          Map.of("exception", e.getClass().getName()),
          null);
    }
  }
}
