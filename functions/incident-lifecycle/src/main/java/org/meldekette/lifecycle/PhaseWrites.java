package org.meldekette.lifecycle;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.meldekette.domain.NotFound;
import org.meldekette.domain.Phase;
import org.meldekette.domain.RecordIds;
import org.meldekette.domain.Role;
import org.meldekette.domain.SkipRequest;
import org.meldekette.domain.lifecycle.Outcome;
import org.meldekette.domain.lifecycle.PhaseRules;
import org.meldekette.http.JsonFields;
import org.meldekette.http.StaffCall;
import org.meldekette.store.IncidentStore;

/** Moving through the phases: one step forward, an approved skip, or a justified reopen. */
final class PhaseWrites {
  private final IncidentStore store;
  private final RecordIds ids;

  PhaseWrites(IncidentStore store, RecordIds ids) {
    this.store = store;
    this.ids = ids;
  }

  /**
   * {@code POST /incidents/{id}/transitions} {@code {"to", "noEvidenceJustification",
   * "missedReason"}}.
   */
  void transition(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.RESPONDER);
    String id = call.incidentId(params);
    long ifMatch = call.ifMatch();
    JsonFields body = call.body(Set.of("to", "noEvidenceJustification", "missedReason"));
    Phase to = body.enumValue("to", Phase.class);
    PhaseRules.Statements statements =
        new PhaseRules.Statements(
            body.string("noEvidenceJustification"), body.string("missedReason"));
    Outcome outcome =
        store.update(
            id,
            ifMatch,
            call.confirmation(),
            (tx, incident) ->
                tx.apply(
                    PhaseRules.advance(
                        incident,
                        tx.records(),
                        tx.deadlines(incident),
                        to,
                        statements,
                        call.actor(role),
                        call.now())));
    call.ok(outcome.incident().version(), Views.incident(outcome.incident()));
  }

  /** {@code POST /incidents/{id}/skip-requests} {@code {"to", "justification"}}. */
  void requestSkip(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.RESPONDER);
    String id = call.incidentId(params);
    long ifMatch = call.ifMatch();
    JsonFields body = call.body(Set.of("to", "justification"));
    Phase to = body.enumValue("to", Phase.class);
    String justification = body.string("justification");
    String requestId = ids.next("SKP");
    Filed filed =
        store.update(
            id,
            ifMatch,
            call.confirmation(),
            (tx, incident) -> {
              SkipRequest request =
                  new SkipRequest(
                      requestId,
                      incident.phase(),
                      to,
                      justification,
                      call.member().email(),
                      call.now(),
                      SkipRequest.Status.PENDING,
                      null,
                      null);
              tx.saveSkipRequest(request);
              return new Filed(
                  request,
                  tx.apply(
                      PhaseRules.requestSkip(incident, request, call.actor(role), call.now())));
            });
    call.created(
        filed.outcome().incident().version(),
        "/incidents/" + id + "/skip-requests/" + requestId,
        Views.skipRequest(filed.request()));
  }

  private record Filed(SkipRequest request, Outcome outcome) {}

  /**
   * {@code POST /incidents/{id}/skip-requests/{requestId}/approve}: the second line, not the
   * requester.
   */
  void approveSkip(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.SECOND_LINE);
    String id = call.incidentId(params);
    String requestId = call.recordId(params, "requestId");
    long ifMatch = call.ifMatch();
    Outcome outcome =
        store.update(
            id,
            ifMatch,
            call.confirmation(),
            (tx, incident) -> {
              SkipRequest request =
                  tx.skipRequest(requestId)
                      .orElseThrow(
                          () -> new NotFound("no skip request " + requestId + " in " + id));
              Outcome result =
                  PhaseRules.approveSkip(
                      incident,
                      tx.records(),
                      tx.deadlines(incident),
                      request,
                      call.actor(role),
                      call.now());
              tx.saveSkipRequest(request.approved(call.member().email(), call.now()));
              return tx.apply(result);
            });
    call.ok(outcome.incident().version(), Views.incident(outcome.incident()));
  }

  /** {@code POST /incidents/{id}/reopen} {@code {"to", "justification"}}: the second line only. */
  void reopen(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.SECOND_LINE);
    String id = call.incidentId(params);
    long ifMatch = call.ifMatch();
    JsonFields body = call.body(Set.of("to", "justification"));
    Phase to = body.enumValue("to", Phase.class);
    String justification = body.string("justification");
    Outcome outcome =
        store.change(
            id,
            ifMatch,
            call.confirmation(),
            incident ->
                PhaseRules.reopen(incident, to, justification, call.actor(role), call.now()));
    call.ok(outcome.incident().version(), Views.incident(outcome.incident()));
  }
}
