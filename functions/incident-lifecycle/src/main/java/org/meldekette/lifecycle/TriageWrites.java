package org.meldekette.lifecycle;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.meldekette.domain.CiaImpact;
import org.meldekette.domain.Classification;
import org.meldekette.domain.ImpactLevel;
import org.meldekette.domain.InvalidInput;
import org.meldekette.domain.NotFound;
import org.meldekette.domain.RecordIds;
import org.meldekette.domain.RiskLevel;
import org.meldekette.domain.Role;
import org.meldekette.domain.Severity;
import org.meldekette.domain.Triage;
import org.meldekette.domain.TriageChangeRequest;
import org.meldekette.domain.lifecycle.Outcome;
import org.meldekette.domain.lifecycle.TriageRules;
import org.meldekette.http.JsonFields;
import org.meldekette.http.StaffCall;
import org.meldekette.store.IncidentQueries;
import org.meldekette.store.IncidentStore;

/**
 * Triage: {@code PUT /incidents/{id}/triage} records what triage found, replacing the previous
 * triage; a triage that changes legal facts of a breach goes through a triage change request that
 * LEGAL or the DPO approve; LEGAL and the DPO assess the risk.
 */
final class TriageWrites {
  private static final Set<String> FIELDS =
      Set.of(
          "classification",
          "severity",
          "cia",
          "scope",
          "affectedSystems",
          "dataDomains",
          "dataCategories",
          "estimatedDataSubjects",
          "estimatedRecords",
          "initialRisk",
          "awarenessAt",
          "awarenessJustification");
  private static final Set<String> CIA = Set.of("confidentiality", "integrity", "availability");

  private final IncidentStore store;
  private final IncidentQueries queries;
  private final RecordIds ids;

  TriageWrites(IncidentStore store, IncidentQueries queries, RecordIds ids) {
    this.store = store;
    this.queries = queries;
    this.ids = ids;
  }

  void put(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.RESPONDER);
    String id = call.incidentId(params);
    long ifMatch = call.ifMatch();
    Triage.Input input = input(call.body(FIELDS));
    Outcome outcome =
        store.change(
            id,
            ifMatch,
            call.confirmation(),
            incident -> TriageRules.triage(incident, input, call.actor(role), call.now()));
    call.ok(outcome.incident().version(), Views.incident(outcome.incident()));
  }

  /**
   * {@code POST /incidents/{id}/triage-changes} {@code {"triage": {…}, "justification"}}: a triage
   * that changes legal facts of a breach, filed for LEGAL's or the DPO's sign-off.
   */
  void requestChange(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.RESPONDER, Role.LEGAL, Role.DPO);
    String id = call.incidentId(params);
    long ifMatch = call.ifMatch();
    JsonFields body = call.body(Set.of("triage", "justification"));
    JsonFields triage = body.object("triage", FIELDS);
    if (triage == null) {
      throw new InvalidInput(
          "triage", "REQUIRED", "triage (the triage as it should become) is required");
    }
    Triage.Input input = input(triage);
    String requestId = ids.next("TCR");
    TriageRules.TriageChange filed =
        store.update(
            id,
            ifMatch,
            call.confirmation(),
            (tx, incident) -> {
              TriageRules.TriageChange change =
                  TriageRules.requestChange(
                      incident,
                      requestId,
                      input,
                      body.string("justification"),
                      call.actor(role),
                      call.now());
              tx.saveTriageChange(change.request());
              tx.apply(change.outcome());
              return change;
            });
    call.created(
        filed.outcome().incident().version(),
        "/incidents/" + id + "/triage-changes/" + requestId,
        Views.triageChange(filed.request()));
  }

  /**
   * {@code POST /incidents/{id}/triage-changes/{requestId}/approve}: LEGAL or the DPO, not the
   * requester.
   */
  void approveChange(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.LEGAL, Role.DPO);
    String id = call.incidentId(params);
    String requestId = call.recordId(params, "requestId");
    long ifMatch = call.ifMatch();
    Outcome outcome =
        store.update(
            id,
            ifMatch,
            call.confirmation(),
            (tx, incident) -> {
              TriageChangeRequest request =
                  tx.triageChange(requestId)
                      .orElseThrow(
                          () -> new NotFound("no triage change " + requestId + " in " + id));
              Outcome approved =
                  TriageRules.approveChange(incident, request, call.actor(role), call.now());
              tx.saveTriageChange(request.approved(call.member().email(), call.now()));
              return tx.apply(approved);
            });
    call.ok(outcome.incident().version(), Views.incident(outcome.incident()));
  }

  /** {@code GET /incidents/{id}/triage-changes}. */
  void listChanges(StaffCall call, Map<String, String> params) throws IOException {
    call.require(StaffCall.STAFF);
    String id = queries.get(call.incidentId(params)).id();
    call.reply()
        .json(
            200,
            Map.of(
                "triageChanges",
                queries.triageChanges(id).stream().map(Views::triageChange).toList()));
  }

  /**
   * {@code PUT /incidents/{id}/risk} {@code {"initialRisk", "justification"}}: LEGAL or the DPO
   * assess the risk to the data subjects (the Art. 34 threshold).
   */
  void putRisk(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.LEGAL, Role.DPO);
    String id = call.incidentId(params);
    long ifMatch = call.ifMatch();
    JsonFields body = call.body(Set.of("initialRisk", "justification"));
    RiskLevel risk = body.enumValue("initialRisk", RiskLevel.class);
    String justification = body.string("justification");
    Outcome outcome =
        store.change(
            id,
            ifMatch,
            call.confirmation(),
            incident ->
                TriageRules.riskAssessed(
                    incident, risk, justification, call.actor(role), call.now()));
    call.ok(outcome.incident().version(), Views.incident(outcome.incident()));
  }

  private static Triage.Input input(JsonFields body) {
    JsonFields cia = body.object("cia", CIA);
    return new Triage.Input(
        body.enumValue("classification", Classification.class),
        body.enumValue("severity", Severity.class),
        cia == null
            ? null
            : new CiaImpact(
                cia.enumValue("confidentiality", ImpactLevel.class),
                cia.enumValue("integrity", ImpactLevel.class),
                cia.enumValue("availability", ImpactLevel.class)),
        body.string("scope"),
        body.strings("affectedSystems"),
        body.strings("dataDomains"),
        body.strings("dataCategories"),
        body.integer("estimatedDataSubjects"),
        body.integer("estimatedRecords"),
        body.enumValue("initialRisk", RiskLevel.class),
        body.instant("awarenessAt"),
        body.string("awarenessJustification"));
  }
}
