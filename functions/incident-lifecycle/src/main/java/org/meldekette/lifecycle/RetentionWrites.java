package org.meldekette.lifecycle;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.meldekette.domain.NotFound;
import org.meldekette.domain.RecordIds;
import org.meldekette.domain.RetentionExtension;
import org.meldekette.domain.Role;
import org.meldekette.domain.lifecycle.CaseFileRules;
import org.meldekette.domain.lifecycle.Outcome;
import org.meldekette.http.JsonFields;
import org.meldekette.http.StaffCall;
import org.meldekette.store.IncidentStore;

/**
 * Incident-driven retention extensions: recorded, then lifted or renewed with a justification
 * (LEGAL, DPO).
 */
final class RetentionWrites {
  private final IncidentStore store;
  private final RecordIds ids;

  RetentionWrites(IncidentStore store, RecordIds ids) {
    this.store = store;
    this.ids = ids;
  }

  /**
   * {@code POST /incidents/{id}/retention-extensions} {@code {"what", "until", "justification"}}.
   */
  void extend(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.LEGAL, Role.DPO);
    String id = call.incidentId(params);
    long ifMatch = call.ifMatch();
    JsonFields body = call.body(Set.of("what", "until", "justification"));
    RetentionExtension extension =
        new RetentionExtension(
            ids.next("RET"),
            body.string("what"),
            body.instant("until"),
            body.string("justification"),
            RetentionExtension.Status.ACTIVE,
            call.member().email(),
            call.now(),
            null);
    Outcome outcome =
        store.update(
            id,
            ifMatch,
            call.confirmation(),
            (tx, incident) -> {
              tx.saveRetentionExtension(extension);
              return tx.apply(
                  CaseFileRules.retentionExtended(
                      incident, extension, call.actor(role), call.now()));
            });
    call.created(
        outcome.incident().version(),
        "/incidents/" + id + "/retention-extensions/" + extension.id(),
        extension);
  }

  /** {@code POST …/retention-extensions/{extensionId}/lift} {@code {"justification"}}. */
  void lift(StaffCall call, Map<String, String> params) throws IOException {
    decide(call, params, false);
  }

  /** {@code POST …/retention-extensions/{extensionId}/renew} {@code {"until", "justification"}}. */
  void renew(StaffCall call, Map<String, String> params) throws IOException {
    decide(call, params, true);
  }

  private void decide(StaffCall call, Map<String, String> params, boolean renew)
      throws IOException {
    Role role = call.require(Role.LEGAL, Role.DPO);
    String id = call.incidentId(params);
    String extensionId = call.recordId(params, "extensionId");
    long ifMatch = call.ifMatch();
    JsonFields body = call.body(renew ? Set.of("until", "justification") : Set.of("justification"));
    Decided decided =
        store.update(
            id,
            ifMatch,
            call.confirmation(),
            (tx, incident) -> {
              RetentionExtension before =
                  tx.retentionExtension(extensionId)
                      .orElseThrow(
                          () ->
                              new NotFound("no retention extension " + extensionId + " in " + id));
              RetentionExtension after =
                  renew
                      ? before.renewed(
                          body.instant("until"),
                          call.member().email(),
                          call.now(),
                          body.string("justification"))
                      : before.lifted(
                          call.member().email(), call.now(), body.string("justification"));
              tx.saveRetentionExtension(after);
              return new Decided(
                  after,
                  tx.apply(
                      CaseFileRules.retentionDecided(
                          incident, before, after, call.actor(role), call.now())));
            });
    call.ok(decided.outcome().incident().version(), decided.extension());
  }

  private record Decided(RetentionExtension extension, Outcome outcome) {}
}
