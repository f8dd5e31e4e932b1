package org.meldekette.lifecycle;

import java.io.IOException;
import java.util.Map;
import org.meldekette.domain.Lifecycle;
import org.meldekette.domain.Role;
import org.meldekette.store.IncidentStore;

/**
 * Milestones that meet internal deadlines: the escalation acknowledged, the final report issued.
 */
final class MilestoneWrites {
  private final IncidentStore store;
  private final Lifecycle lifecycle;

  MilestoneWrites(IncidentStore store, Lifecycle lifecycle) {
    this.store = store;
    this.lifecycle = lifecycle;
  }

  /**
   * {@code POST /incidents/{id}/acknowledgements}: the security and privacy role has taken the
   * incident on.
   */
  void acknowledge(Call call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.SECOND_LINE, Role.DPO, Role.LEGAL);
    String id = call.incidentId(params);
    long ifMatch = call.ifMatch();
    Lifecycle.Outcome outcome =
        store.update(
            id,
            ifMatch,
            (tx, incident) ->
                tx.apply(lifecycle.acknowledgeEscalation(incident, call.actor(role), call.now())));
    call.ok(outcome.incident().version(), Views.incident(outcome.incident()));
  }

  /**
   * {@code POST /incidents/{id}/final-report/issued}: the final report of a closed incident went
   * out.
   */
  void finalReportIssued(Call call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.RESPONDER, Role.SECOND_LINE);
    String id = call.incidentId(params);
    long ifMatch = call.ifMatch();
    Lifecycle.Outcome outcome =
        store.update(
            id,
            ifMatch,
            (tx, incident) ->
                tx.apply(lifecycle.finalReportIssued(incident, call.actor(role), call.now())));
    call.ok(outcome.incident().version(), Views.incident(outcome.incident()));
  }
}
