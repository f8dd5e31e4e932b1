package org.meldekette.lifecycle;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.meldekette.domain.Audience;
import org.meldekette.domain.Communication;
import org.meldekette.domain.RecordIds;
import org.meldekette.domain.ReporterMessage;
import org.meldekette.domain.Role;
import org.meldekette.domain.lifecycle.CommunicationRules;
import org.meldekette.domain.lifecycle.Outcome;
import org.meldekette.http.JsonFields;
import org.meldekette.http.StaffCall;
import org.meldekette.store.IncidentQueries;
import org.meldekette.store.IncidentStore;

/**
 * Messages between the team and the reporter, on the reporter's status page. A message to the
 * reporter is a communication to the audience {@code REPORTER}: of an incident ever classified as a
 * breach only after LEGAL's approval, of any other incident straight from the team. It meets the
 * first-response clock.
 */
final class ReporterMessageWrites {
  private final IncidentStore store;
  private final IncidentQueries queries;
  private final RecordIds ids;
  private final ReporterMail mail;

  ReporterMessageWrites(
      IncidentStore store, IncidentQueries queries, RecordIds ids, ReporterMail mail) {
    this.store = store;
    this.queries = queries;
    this.ids = ids;
    this.mail = mail;
  }

  /** {@code POST /incidents/{id}/reporter-messages} {@code {"text"}}. */
  void send(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.RESPONDER, Role.SECOND_LINE, Role.LEGAL, Role.DPO);
    String id = call.incidentId(params);
    long ifMatch = call.ifMatch();
    JsonFields body = call.body(Set.of("text"));
    ReporterMessage message =
        ReporterMessage.toReporter(
            ids.next("RPM"), body.string("text"), call.member().email(), call.now());
    Communication communication =
        new Communication(
            ids.next("COM"),
            Audience.REPORTER,
            "status page",
            "Message " + message.id() + " to the reporter",
            call.now(),
            null,
            null,
            null,
            call.member().email(),
            call.now(),
            null,
            null);
    Outcome outcome =
        store.update(
            id,
            ifMatch,
            call.confirmation(),
            (tx, incident) -> {
              Outcome recorded =
                  CommunicationRules.communicationRecorded(
                      incident, tx.approvals(), communication, call.actor(role), call.now());
              tx.createCommunication(communication);
              tx.createReporterMessage(message);
              return tx.apply(recorded);
            });
    mail.queue(id, message.id(), call.now());
    call.created(
        outcome.incident().version(),
        "/incidents/" + id + "/reporter-messages/" + message.id(),
        Views.reporterMessage(message));
  }

  /**
   * {@code GET /incidents/{id}/reporter-messages}: both ways, oldest first, for every staff member.
   */
  void list(StaffCall call, Map<String, String> params) throws IOException {
    call.require(StaffCall.STAFF);
    String id = queries.get(call.incidentId(params)).id();
    call.reply()
        .json(
            200,
            Map.of(
                "messages",
                queries.reporterMessages(id).stream().map(Views::reporterMessage).toList()));
  }
}
