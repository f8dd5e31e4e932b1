package org.meldekette.lifecycle;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.meldekette.domain.CiaImpact;
import org.meldekette.domain.Classification;
import org.meldekette.domain.ImpactLevel;
import org.meldekette.domain.Lifecycle;
import org.meldekette.domain.RiskLevel;
import org.meldekette.domain.Role;
import org.meldekette.domain.Severity;
import org.meldekette.domain.Triage;
import org.meldekette.http.JsonFields;
import org.meldekette.store.IncidentStore;

/** {@code PUT /incidents/{id}/triage}: records what triage found, replacing the previous triage. */
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
  private final Lifecycle lifecycle;

  TriageWrites(IncidentStore store, Lifecycle lifecycle) {
    this.store = store;
    this.lifecycle = lifecycle;
  }

  void put(Call call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.RESPONDER);
    String id = call.incidentId(params);
    long ifMatch = call.ifMatch();
    JsonFields body = call.body(FIELDS);
    JsonFields cia = body.object("cia", CIA);
    Triage.Input input =
        new Triage.Input(
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
    Lifecycle.Outcome outcome =
        store.update(
            id,
            ifMatch,
            (tx, incident) ->
                tx.apply(lifecycle.triage(incident, input, call.actor(role), call.now())));
    call.ok(outcome.incident().version(), Views.incident(outcome.incident()));
  }
}
