package org.meldekette.lifecycle;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.meldekette.domain.Conflict;
import org.meldekette.domain.DismissalReason;
import org.meldekette.domain.DismissalRequest;
import org.meldekette.domain.NotFound;
import org.meldekette.domain.RecordIds;
import org.meldekette.domain.Role;
import org.meldekette.domain.lifecycle.Outcome;
import org.meldekette.domain.lifecycle.ScreeningRules;
import org.meldekette.http.ApiException;
import org.meldekette.http.JsonFields;
import org.meldekette.http.StaffCall;
import org.meldekette.store.IncidentQueries;
import org.meldekette.store.IncidentStore;

/**
 * Is it an incident at all: screening reports held during a surge in or out, and closing as not an
 * incident with the second line's approval.
 */
final class ScreeningWrites {
  private final IncidentStore store;
  private final IncidentQueries queries;
  private final RecordIds ids;

  ScreeningWrites(IncidentStore store, IncidentQueries queries, RecordIds ids) {
    this.store = store;
    this.queries = queries;
    this.ids = ids;
  }

  /**
   * {@code POST /incidents/{id}/screening} {@code {"decision": "IN" | "OUT", "reason",
   * "justification"}}: a responder screens a held report in (an incident, clocks from its receipt)
   * or out (closed, with a reason).
   */
  void screen(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.RESPONDER);
    String id = call.incidentId(params);
    long ifMatch = call.ifMatch();
    JsonFields body = call.body(Set.of("decision", "reason", "justification"));
    String decision = body.string("decision");
    DismissalReason reason = body.enumValue("reason", DismissalReason.class);
    String justification = body.string("justification");
    if (!"IN".equals(decision) && !"OUT".equals(decision)) {
      throw ApiException.badRequest("decision", "INVALID_VALUE", "decision is IN or OUT");
    }
    if ("IN".equals(decision) && (reason != null || justification != null)) {
      throw ApiException.badRequest(
          reason != null ? "reason" : "justification",
          "NOT_APPLICABLE",
          "a reason and justification belong to screening out");
    }
    Outcome outcome =
        store.change(
            id,
            ifMatch,
            call.confirmation(),
            incident ->
                "IN".equals(decision)
                    ? ScreeningRules.screenIn(incident, call.actor(role), call.now())
                    : ScreeningRules.screenOut(
                        incident, reason, justification, call.actor(role), call.now()));
    call.ok(outcome.incident().version(), Views.incident(outcome.incident()));
  }

  /**
   * {@code POST /incidents/{id}/dismissal-requests} {@code {"reason", "justification"}}: triage
   * concludes "not an incident"; the second line approves it.
   */
  void requestDismissal(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.RESPONDER);
    String id = call.incidentId(params);
    long ifMatch = call.ifMatch();
    JsonFields body = call.body(Set.of("reason", "justification"));
    DismissalRequest request =
        DismissalRequest.filed(
            ids.next("DSM"),
            body.enumValue("reason", DismissalReason.class),
            body.string("justification"),
            call.member().email(),
            call.now());
    Outcome outcome =
        store.update(
            id,
            ifMatch,
            call.confirmation(),
            (tx, incident) -> {
              Outcome filed =
                  ScreeningRules.requestDismissal(incident, request, call.actor(role), call.now());
              if (tx.dismissalPending()) {
                throw new Conflict(
                    "DISMISSAL_PENDING",
                    "a request to close this incident as not an incident waits for approval");
              }
              tx.saveDismissalRequest(request);
              return tx.apply(filed);
            });
    call.created(
        outcome.incident().version(),
        "/incidents/" + id + "/dismissal-requests/" + request.id(),
        Views.dismissalRequest(id, request));
  }

  /** {@code POST /incidents/{id}/dismissal-requests/{requestId}/approve}: the second line. */
  void approveDismissal(StaffCall call, Map<String, String> params) throws IOException {
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
              DismissalRequest request =
                  tx.dismissalRequest(requestId)
                      .orElseThrow(() -> new NotFound("no request " + requestId + " in " + id));
              Outcome approved =
                  ScreeningRules.approveDismissal(incident, request, call.actor(role), call.now());
              tx.saveDismissalRequest(request.approved(call.member().email(), call.now()));
              return tx.apply(approved);
            });
    call.ok(outcome.incident().version(), Views.incident(outcome.incident()));
  }

  /** {@code GET /incidents/{id}/dismissal-requests}: the incident's, approved or pending. */
  void list(StaffCall call, Map<String, String> params) throws IOException {
    call.require(StaffCall.STAFF);
    String id = call.incidentId(params);
    queries.get(id);
    call.reply()
        .json(
            200,
            Map.of(
                "dismissalRequests",
                queries.dismissalRequests(id).stream()
                    .map(r -> Views.dismissalRequest(id, r))
                    .toList()));
  }

  /** {@code GET /dismissal-requests}: every request waiting for the second line, oldest first. */
  void pending(StaffCall call, Map<String, String> params) throws IOException {
    call.require(StaffCall.STAFF);
    call.reply()
        .json(
            200,
            Map.of(
                "dismissalRequests",
                queries.pendingDismissals().stream()
                    .map(p -> Views.dismissalRequest(p.incidentId(), p.request()))
                    .toList()));
  }
}
