package org.meldekette.lifecycle;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.meldekette.domain.CustodyEntry;
import org.meldekette.domain.Evidence;
import org.meldekette.domain.EvidenceSource;
import org.meldekette.domain.NotFound;
import org.meldekette.domain.RecordIds;
import org.meldekette.domain.Role;
import org.meldekette.domain.lifecycle.Outcome;
import org.meldekette.domain.lifecycle.RecordRules;
import org.meldekette.http.JsonFields;
import org.meldekette.http.StaffCall;
import org.meldekette.json.EvidenceView;
import org.meldekette.store.IncidentStore;

/**
 * Evidence is secured once and never changed; its chain of custody only grows. There are no routes
 * to change or delete either (405).
 */
final class EvidenceWrites {
  private static final Set<String> CREATE =
      Set.of("source", "location", "sha256", "description", "collectedAt");
  private static final Set<String> CUSTODY = Set.of("action", "note");

  private final IncidentStore store;
  private final RecordIds ids;

  EvidenceWrites(IncidentStore store, RecordIds ids) {
    this.store = store;
    this.ids = ids;
  }

  /** Secures evidence; its first custody entry is the collection by the caller. */
  void add(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.RESPONDER);
    String id = call.incidentId(params);
    long ifMatch = call.ifMatch();
    JsonFields body = call.body(CREATE);
    Evidence evidence =
        new Evidence(
            ids.next("EVD"),
            body.enumValue("source", EvidenceSource.class),
            body.string("location"),
            body.string("sha256"),
            body.string("description"),
            call.member().email(),
            body.instant("collectedAt"),
            call.now(),
            List.of());
    CustodyEntry collected =
        new CustodyEntry(
            1, CustodyEntry.Action.COLLECTED, evidence.collectedBy(), evidence.collectedAt(), null);
    Outcome outcome =
        store.update(
            id,
            ifMatch,
            call.confirmation(),
            (tx, incident) -> {
              tx.createEvidence(evidence);
              tx.appendCustody(evidence.id(), collected);
              return tx.apply(
                  RecordRules.evidenceAdded(incident, evidence, call.actor(role), call.now()));
            });
    call.created(
        outcome.incident().version(),
        "/incidents/" + id + "/evidence/" + evidence.id(),
        EvidenceView.of(evidence, List.of(collected)));
  }

  void appendCustody(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.RESPONDER);
    String id = call.incidentId(params);
    String evidenceId = call.recordId(params, "evidenceId");
    long ifMatch = call.ifMatch();
    JsonFields body = call.body(CUSTODY);
    CustodyEntry.Action action = body.enumValue("action", CustodyEntry.Action.class);
    String note = body.string("note");
    Appended appended =
        store.update(
            id,
            ifMatch,
            call.confirmation(),
            (tx, incident) -> {
              Evidence evidence =
                  tx.evidence(evidenceId)
                      .orElseThrow(() -> new NotFound("no evidence " + evidenceId + " in " + id));
              CustodyEntry entry =
                  new CustodyEntry(
                      tx.custody(evidenceId).size() + 1,
                      action,
                      call.member().email(),
                      call.now(),
                      note);
              tx.appendCustody(evidenceId, entry);
              return new Appended(
                  entry,
                  tx.apply(
                      RecordRules.custodyAppended(
                          incident, evidence, entry, call.actor(role), call.now())));
            });
    call.created(
        appended.outcome().incident().version(),
        "/incidents/" + id + "/evidence/" + evidenceId,
        appended.entry());
  }

  private record Appended(CustodyEntry entry, Outcome outcome) {}
}
