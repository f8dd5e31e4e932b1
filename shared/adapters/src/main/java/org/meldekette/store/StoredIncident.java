package org.meldekette.store;

import java.util.List;
import org.meldekette.domain.Incident;
import org.meldekette.domain.deadline.Deadline;

/** An incident with the deadlines its document carries. */
public record StoredIncident(Incident incident, List<Deadline> deadlines) {}
