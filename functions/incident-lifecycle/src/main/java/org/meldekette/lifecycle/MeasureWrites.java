package org.meldekette.lifecycle;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.meldekette.domain.ContainmentKind;
import org.meldekette.domain.EffectivenessResult;
import org.meldekette.domain.Measure;
import org.meldekette.domain.MeasureStatus;
import org.meldekette.domain.MeasureType;
import org.meldekette.domain.NotFound;
import org.meldekette.domain.RecordIds;
import org.meldekette.domain.Role;
import org.meldekette.domain.lifecycle.Outcome;
import org.meldekette.domain.lifecycle.RecordRules;
import org.meldekette.http.JsonFields;
import org.meldekette.http.StaffCall;
import org.meldekette.store.IncidentStore;

/** Containment, corrective and preventive measures: added, then worked on and checked. */
final class MeasureWrites {
  private static final Set<String> CREATE =
      Set.of("type", "containmentKind", "description", "owner", "dueAt", "status", "control");
  private static final Set<String> PATCH =
      Set.of("description", "owner", "dueAt", "status", "effectiveness", "control");
  private static final Set<String> EFFECTIVENESS = Set.of("result", "note");

  private final IncidentStore store;
  private final RecordIds ids;

  MeasureWrites(IncidentStore store, RecordIds ids) {
    this.store = store;
    this.ids = ids;
  }

  void add(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.RESPONDER);
    String id = call.incidentId(params);
    long ifMatch = call.ifMatch();
    JsonFields body = call.body(CREATE);
    Measure measure =
        Measure.added(
            ids.next("MSR"),
            body.enumValue("type", MeasureType.class),
            body.enumValue("containmentKind", ContainmentKind.class),
            body.string("description"),
            body.string("owner"),
            body.instant("dueAt"),
            body.enumValue("status", MeasureStatus.class),
            body.string("control"),
            call.member().email(),
            call.now());
    Outcome outcome =
        store.update(
            id,
            ifMatch,
            call.confirmation(),
            (tx, incident) -> {
              tx.createMeasure(measure);
              return tx.apply(
                  RecordRules.measureAdded(incident, measure, call.actor(role), call.now()));
            });
    call.created(
        outcome.incident().version(),
        "/incidents/" + id + "/measures/" + measure.id(),
        Views.measure(measure));
  }

  void change(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.RESPONDER);
    String id = call.incidentId(params);
    String measureId = call.recordId(params, "measureId");
    long ifMatch = call.ifMatch();
    JsonFields body = call.body(PATCH);
    JsonFields effectiveness = body.object("effectiveness", EFFECTIVENESS);
    Measure.Changes changes =
        new Measure.Changes(
            body.string("description"),
            body.string("owner"),
            body.instant("dueAt"),
            body.enumValue("status", MeasureStatus.class),
            effectiveness == null
                ? null
                : effectiveness.enumValue("result", EffectivenessResult.class),
            effectiveness == null ? null : effectiveness.string("note"),
            body.string("control"));
    Changed changed =
        store.update(
            id,
            ifMatch,
            call.confirmation(),
            (tx, incident) -> {
              Measure before =
                  tx.measure(measureId)
                      .orElseThrow(() -> new NotFound("no measure " + measureId + " in " + id));
              Measure after = before.with(changes, call.member().email(), call.now());
              tx.updateMeasure(after);
              return new Changed(
                  after,
                  tx.apply(
                      RecordRules.measureChanged(
                          incident, before, after, call.actor(role), call.now())));
            });
    call.ok(changed.outcome().incident().version(), Views.measure(changed.measure()));
  }

  private record Changed(Measure measure, Outcome outcome) {}
}
