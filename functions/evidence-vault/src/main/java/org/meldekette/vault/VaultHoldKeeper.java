package org.meldekette.vault;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.Incident;
import org.meldekette.domain.RetentionExtension;
import org.meldekette.domain.vault.VaultHolds;
import org.meldekette.domain.vault.VaultNames;
import org.meldekette.log.StructuredLog;
import org.meldekette.store.IncidentQueries;
import org.meldekette.store.VaultStore;

/**
 * Keeps the holds on an incident's vault objects as the incident needs them ({@link VaultHolds}):
 * after a legal hold is placed or released, the incident closed or reopened (a task from
 * incident-lifecycle), after new objects arrive, and every hour for all incidents with objects (so
 * a lost task costs at most an hour). Every change is recorded on the incident's audit trail.
 */
final class VaultHoldKeeper {
  private final VaultStore store;
  private final IncidentQueries queries;
  private final VaultStorage storage;
  private final StructuredLog log;

  VaultHoldKeeper(
      VaultStore store, IncidentQueries queries, VaultStorage storage, StructuredLog log) {
    this.store = store;
    this.queries = queries;
    this.storage = storage;
    this.log = log;
  }

  /** Gives the incident's objects the holds it needs now; gives how many objects changed. */
  int sync(String incidentId, Instant now) {
    Incident incident = queries.find(incidentId).orElse(null);
    if (incident == null) {
      return 0;
    }
    List<VaultStorage.Stored> objects = storage.listVault(VaultNames.incidentFolder(incidentId));
    if (objects.isEmpty()) {
      return 0;
    }
    boolean extended =
        queries.retentionExtensions(incidentId).stream()
            .anyMatch(
                x -> x.status() != RetentionExtension.Status.LIFTED && x.until().isAfter(now));
    VaultHolds.State desired =
        VaultHolds.desired(incident, store.legallyHeld(incidentId), extended);
    int changed = 0;
    for (VaultStorage.Stored o : objects) {
      if (o.eventBasedHold() != desired.eventBased() || o.temporaryHold() != desired.temporary()) {
        storage.setHolds(o.name(), desired.eventBased(), desired.temporary());
        changed++;
      }
    }
    if (!store.holds(incidentId).equals(desired)) {
      store.holdsApplied(incidentId, desired, objects.size(), now);
    }
    return changed;
  }

  /** {@link #sync}, for a caller that has already done its work: a failure waits for the hour. */
  void syncQuietly(String incidentId, Instant now) {
    try {
      sync(incidentId, now);
    } catch (RuntimeException e) {
      log.write(
          StructuredLog.Severity.WARNING,
          "vault holds left to the hourly reconciliation",
          Map.of("incidentId", incidentId),
          Map.of("exception", e.getClass().getName()),
          null);
    }
  }

  /** Every incident with objects; gives how many objects changed. */
  int syncAll(Instant now) {
    int changed = 0;
    for (String incidentId : store.incidentsWithObjects()) {
      changed += sync(incidentId, now);
    }
    return changed;
  }
}
