package org.meldekette.lifecycle;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.meldekette.domain.InvalidInput;
import org.meldekette.domain.NotFound;
import org.meldekette.domain.RegimeTrigger;
import org.meldekette.domain.Role;
import org.meldekette.domain.deadline.Regimes;
import org.meldekette.domain.lifecycle.MilestoneRules;
import org.meldekette.domain.lifecycle.Outcome;
import org.meldekette.http.JsonFields;
import org.meldekette.http.StaffCall;
import org.meldekette.store.IncidentStore;

/**
 * Sector regimes beside GDPR: marking an incident significant under NIS2, or major under DORA,
 * starts that regime's clocks; the authority's requests for further reports add clocks of their
 * own.
 */
final class RegimeWrites {
  private final IncidentStore store;
  private final Regimes regimes;

  RegimeWrites(IncidentStore store, Regimes regimes) {
    this.store = store;
    this.regimes = regimes;
  }

  /**
   * {@code PUT /incidents/{id}/regimes/{regime}} {@code {"triggeredAt", "awareAt",
   * "justification"}}.
   */
  void trigger(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.RESPONDER, Role.SECOND_LINE, Role.LEGAL, Role.DPO);
    String id = call.incidentId(params);
    String regime = enabled(params.get("regime"));
    long ifMatch = call.ifMatch();
    JsonFields body = call.body(Set.of("triggeredAt", "awareAt", "justification"));
    Instant triggeredAt =
        body.instant("triggeredAt") == null ? call.now() : body.instant("triggeredAt");
    RegimeTrigger trigger =
        new RegimeTrigger(
            triggeredAt,
            body.instant("awareAt"),
            call.member().email(),
            body.string("justification"),
            null);
    Outcome outcome =
        store.change(
            id,
            ifMatch,
            call.confirmation(),
            incident ->
                MilestoneRules.regimeTriggered(
                    incident, regime, trigger, call.actor(role), call.now()));
    call.ok(outcome.incident().version(), Views.incident(outcome.incident()));
  }

  /** {@code POST /incidents/{id}/regimes/{regime}/requests} {@code {"stage", "dueAt"}}. */
  void request(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.RESPONDER, Role.SECOND_LINE, Role.LEGAL, Role.DPO);
    String id = call.incidentId(params);
    String regime = enabled(params.get("regime"));
    long ifMatch = call.ifMatch();
    JsonFields body = call.body(Set.of("stage", "dueAt"));
    String stage = body.string("stage");
    if (stage == null || regimes.stage(regime + "/" + stage) == null) {
      throw new InvalidInput("stage", "UNKNOWN_STAGE", "no stage " + stage + " in " + regime);
    }
    Instant due = body.instant("dueAt");
    Outcome outcome =
        store.change(
            id,
            ifMatch,
            call.confirmation(),
            incident ->
                MilestoneRules.regimeReportRequested(
                    incident, regime, stage, due, call.actor(role), call.now()));
    call.ok(outcome.incident().version(), Views.incident(outcome.incident()));
  }

  private String enabled(String regime) {
    if (regime == null
        || !regimes.isEnabled(regime)
        || regime.equals("GDPR")
        || regime.equals("INTERNAL")) {
      throw new NotFound(
          "no regime " + regime + " to mark: it is not switched on, or it applies by itself");
    }
    return regime;
  }
}
