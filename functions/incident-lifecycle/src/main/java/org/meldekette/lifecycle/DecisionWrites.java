package org.meldekette.lifecycle;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.meldekette.domain.Art34Exception;
import org.meldekette.domain.Decision;
import org.meldekette.domain.DecisionType;
import org.meldekette.domain.RecordIds;
import org.meldekette.domain.Role;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.lifecycle.Outcome;
import org.meldekette.domain.lifecycle.RecordRules;
import org.meldekette.http.JsonFields;
import org.meldekette.http.StaffCall;
import org.meldekette.store.IncidentStore;

/**
 * The decision log: append-only, signed by LEGAL or the DPO, responsible person and time from the
 * sign-in and the clock. A correction is a new entry naming the old one.
 */
final class DecisionWrites {
  private static final Set<String> FIELDS =
      Set.of("type", "reasoning", "corrects", "delayReasons", "exception");

  private final IncidentStore store;
  private final RecordIds ids;

  DecisionWrites(IncidentStore store, RecordIds ids) {
    this.store = store;
    this.ids = ids;
  }

  /** The decision as logged (linked to the accepted risk assessment) and the change. */
  private record Logged(Decision decision, Outcome outcome) {}

  void log(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.LEGAL, Role.DPO);
    String id = call.incidentId(params);
    long ifMatch = call.ifMatch();
    JsonFields body = call.body(FIELDS);
    Decision decision =
        new Decision(
            ids.next("DEC"),
            body.enumValue("type", DecisionType.class),
            body.string("reasoning"),
            call.member().email(),
            role,
            call.now(),
            body.string("corrects"),
            body.string("delayReasons"),
            body.enumValue("exception", Art34Exception.class));
    Logged outcome =
        store.update(
            id,
            ifMatch,
            call.confirmation(),
            (tx, incident) -> {
              // Checked against the log as it stands, before this decision joins it.
              DeadlinePolicy.requireDelayReasons(tx.deadlines(incident), decision, call.now());
              Decision linked = decision.restingOn(incident.riskAcceptance());
              Outcome logged =
                  RecordRules.decisionLogged(
                      incident, tx.records(), linked, call.actor(role), call.now());
              tx.createDecision(linked);
              return new Logged(linked, tx.apply(logged));
            });
    call.created(
        outcome.outcome().incident().version(),
        "/incidents/" + id + "/decisions/" + decision.id(),
        Views.decision(outcome.decision()));
  }
}
