package org.meldekette.lifecycle;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.meldekette.domain.Approval;
import org.meldekette.domain.Audience;
import org.meldekette.domain.Communication;
import org.meldekette.domain.InvalidInput;
import org.meldekette.domain.RecordIds;
import org.meldekette.domain.Role;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.deadline.Regimes;
import org.meldekette.domain.lifecycle.CommunicationRules;
import org.meldekette.domain.lifecycle.Outcome;
import org.meldekette.domain.report.Drafts;
import org.meldekette.domain.report.IncidentFile;
import org.meldekette.http.JsonFields;
import org.meldekette.http.StaffCall;
import org.meldekette.store.IncidentQueries;
import org.meldekette.store.IncidentStore;

/**
 * The communication gate: LEGAL approves an audience for an incident, and only then may a
 * communication to it be recorded (press and public statements by the COMMUNICATIONS role only).
 * Reading an incident's communications is need-to-know: its team, or the second line, LEGAL and the
 * DPO.
 */
final class CommunicationWrites {
  private static final Set<String> FIELDS =
      Set.of(
          "audience",
          "channel",
          "summary",
          "sentAt",
          "notification",
          "stage",
          "delayReasons",
          "timeJustification");

  private final IncidentStore store;
  private final IncidentQueries queries;
  private final RecordIds ids;
  private final Drafts drafts;
  private final Regimes regimes;

  CommunicationWrites(
      IncidentStore store, IncidentQueries queries, RecordIds ids, Drafts drafts, Regimes regimes) {
    this.store = store;
    this.queries = queries;
    this.ids = ids;
    this.drafts = drafts;
    this.regimes = regimes;
  }

  /** {@code POST /incidents/{id}/approvals} {@code {"audience", "note"}}: LEGAL only. */
  void approve(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.LEGAL);
    String id = call.incidentId(params);
    long ifMatch = call.ifMatch();
    JsonFields body = call.body(Set.of("audience", "note"));
    Approval approval =
        new Approval(
            ids.next("APR"),
            body.enumValue("audience", Audience.class),
            body.string("note"),
            call.member().email(),
            call.now());
    Outcome outcome =
        store.update(
            id,
            ifMatch,
            call.confirmation(),
            (tx, incident) -> {
              tx.createApproval(approval);
              return tx.apply(
                  CommunicationRules.approvalRecorded(
                      incident, approval, call.actor(role), call.now()));
            });
    call.created(
        outcome.incident().version(), "/incidents/" + id + "/approvals/" + approval.id(), approval);
  }

  /** {@code POST /incidents/{id}/communications}. */
  void record(StaffCall call, Map<String, String> params) throws IOException {
    String id = call.incidentId(params);
    long ifMatch = call.ifMatch();
    JsonFields body = call.body(FIELDS);
    Audience audience = body.enumValue("audience", Audience.class);
    if (audience == Audience.REPORTER) {
      throw new InvalidInput(
          "audience",
          "USE_REPORTER_MESSAGES",
          "write to the reporter with POST /incidents/{id}/reporter-messages: it reaches their status"
              + " page");
    }
    String stage = body.string("stage");
    if (stage != null && regimes.stage(stage) == null) {
      throw new InvalidInput(
          "stage", "UNKNOWN_STAGE", "no reporting stage " + stage + " is switched on");
    }
    Role role =
        audience == Audience.PRESS
            ? requirePress(call)
            : call.require(Role.RESPONDER, Role.LEGAL, Role.DPO, Role.COMMUNICATIONS);
    String communicationId = ids.next("COM");
    java.util.concurrent.atomic.AtomicReference<Communication> recordedCommunication =
        new java.util.concurrent.atomic.AtomicReference<>();
    Outcome outcome =
        store.update(
            id,
            ifMatch,
            call.confirmation(),
            (tx, incident) -> {
              // What an authority notification states is kept with it, for a later supplementary
              // one: read off the incident as this transaction sees it.
              Map<String, Object> facts =
                  audience == Audience.SUPERVISORY_AUTHORITY
                      ? drafts.factsForAuthority(
                          new IncidentFile(
                              incident,
                              List.of(),
                              tx.measures(),
                              List.of(),
                              tx.decisions(),
                              tx.communications(),
                              List.of()),
                          call.now())
                      : null;
              Communication communication =
                  new Communication(
                      communicationId,
                      audience,
                      body.string("channel"),
                      body.string("summary"),
                      body.instant("sentAt"),
                      body.enumValue("notification", Communication.Notification.class),
                      stage,
                      body.string("delayReasons"),
                      call.member().email(),
                      call.now(),
                      facts,
                      body.string("timeJustification"));
              DeadlinePolicy.requireDelayReasons(
                  tx.deadlines(incident),
                  communication.satisfier(),
                  communication.delayReasons(),
                  communication.sentAt());
              Outcome recorded =
                  CommunicationRules.communicationRecorded(
                      incident, tx.approvals(), communication, call.actor(role), call.now());
              tx.createCommunication(communication);
              recordedCommunication.set(communication);
              return tx.apply(recorded);
            });
    Communication communication = recordedCommunication.get();
    call.created(
        outcome.incident().version(),
        "/incidents/" + id + "/communications/" + communication.id(),
        Views.communication(communication));
  }

  /**
   * {@code GET /incidents/{id}/communications}: the incident's team, or the roles that see every
   * incident.
   */
  void list(StaffCall call, Map<String, String> params) throws IOException {
    String id = call.incidentId(params);
    call.requireNeedToKnow(queries.get(id), "communications");
    call.reply()
        .json(
            200,
            Map.of(
                "communications",
                queries.communications(id).stream().map(Views::communication).toList(),
                "approvals",
                queries.approvals(id)));
  }

  private static Role requirePress(StaffCall call) {
    return call.require(Role.COMMUNICATIONS);
  }
}
