package org.meldekette.store;

import java.util.List;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentRecords;
import org.meldekette.domain.deadline.Deadline;

/**
 * An incident with the deadlines its document carries, and the copy of its records (null for a
 * document written before copies: {@link IncidentQueries#records(StoredIncident)} reads them then).
 */
public record StoredIncident(
    Incident incident, List<Deadline> deadlines, IncidentRecords copiedRecords) {}
