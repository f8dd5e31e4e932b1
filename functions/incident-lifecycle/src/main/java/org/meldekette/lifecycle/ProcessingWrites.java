package org.meldekette.lifecycle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.meldekette.domain.InvalidInput;
import org.meldekette.domain.ProcessingRoles;
import org.meldekette.domain.Role;
import org.meldekette.domain.lifecycle.Outcome;
import org.meldekette.domain.lifecycle.TriageRules;
import org.meldekette.http.JsonFields;
import org.meldekette.http.StaffCall;
import org.meldekette.store.IncidentStore;

/**
 * {@code PUT /incidents/{id}/processing}: who controls and who processes the data concerned. Acting
 * as processor changes which clocks run, so LEGAL or the DPO record it.
 */
final class ProcessingWrites {
  private static final Set<String> FIELDS = Set.of("role", "controller", "processors");
  private static final Set<String> PARTY = Set.of("name", "contact", "agreement");

  private final IncidentStore store;

  ProcessingWrites(IncidentStore store) {
    this.store = store;
  }

  void put(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.LEGAL, Role.DPO);
    String id = call.incidentId(params);
    long ifMatch = call.ifMatch();
    JsonFields body = call.body(FIELDS);
    JsonFields controller = body.object("controller", PARTY);
    List<ProcessingRoles.Party> processors = new ArrayList<>();
    List<JsonFields> listed = body.objects("processors", PARTY);
    if (listed != null) {
      for (JsonFields processor : listed) {
        processors.add(party(processor));
      }
    }
    ProcessingRoles roles =
        new ProcessingRoles(
            body.enumValue("role", ProcessingRoles.OperatorRole.class),
            controller == null ? null : party(controller),
            processors);
    Outcome outcome =
        store.change(
            id,
            ifMatch,
            call.confirmation(),
            incident ->
                TriageRules.processingRecorded(incident, roles, call.actor(role), call.now()));
    call.ok(outcome.incident().version(), Views.incident(outcome.incident()));
  }

  private static ProcessingRoles.Party party(JsonFields fields) {
    if (fields.string("name") == null) {
      throw new InvalidInput("name", "REQUIRED", "a controller or processor needs its name");
    }
    return new ProcessingRoles.Party(
        fields.string("name"), fields.string("contact"), fields.string("agreement"));
  }
}
