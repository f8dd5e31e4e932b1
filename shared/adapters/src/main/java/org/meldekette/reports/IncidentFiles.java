package org.meldekette.reports;

import org.meldekette.store.IncidentStore;

/** Reads an {@link IncidentFile}: the incident and everything recorded beside it. */
public final class IncidentFiles {
  private IncidentFiles() {}

  public static IncidentFile load(IncidentStore store, String incidentId) {
    IncidentStore.Stored stored = store.getStored(incidentId);
    return of(store, stored);
  }

  public static IncidentFile of(IncidentStore store, IncidentStore.Stored stored) {
    String id = stored.incident().id();
    return new IncidentFile(stored.incident(), stored.deadlines(), store.measures(id), store.evidence(id),
        store.decisions(id), store.communications(id), store.fullTimeline(id));
  }
}
