package org.meldekette.store;

import java.util.List;
import org.meldekette.domain.AuditEvent;
import org.meldekette.domain.Incident;
import org.meldekette.domain.deadline.Deadline;

/**
 * What one committed write did, for the work that follows a commit: copying its audit events to the
 * audit log, queuing reminders for deadlines that appeared or moved, telling the team about a new
 * incident.
 *
 * @param events the audit events the commit wrote (one per change)
 * @param incident the incident as the commit left it, or null when it did not change an incident's
 *     state
 * @param opened whether the commit opened the incident
 * @param deadlines the incident's deadlines after the commit, or empty when it did not touch them
 * @param deadlinesMoved whether an open deadline appeared or its due time moved
 */
public record Committed(
    List<AuditEvent> events,
    Incident incident,
    boolean opened,
    List<Deadline> deadlines,
    boolean deadlinesMoved) {

  public Committed {
    events = List.copyOf(events);
    deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
  }

  /** A commit that only wrote audit events (a hold, a reminder sent). */
  public static Committed events(AuditEvent... events) {
    return new Committed(List.of(events), null, false, List.of(), false);
  }
}
