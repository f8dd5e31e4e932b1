package org.meldekette.lifecycle;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.meldekette.domain.Role;
import org.meldekette.domain.StaleVersion;
import org.meldekette.domain.lifecycle.MilestoneRules;
import org.meldekette.domain.lifecycle.Outcome;
import org.meldekette.domain.report.FinalReport;
import org.meldekette.domain.report.IncidentFile;
import org.meldekette.domain.report.IssuedReport;
import org.meldekette.http.StaffCall;
import org.meldekette.store.IncidentQueries;
import org.meldekette.store.IncidentStore;

/** Milestones: the escalation acknowledged, regular operation restored, the final report issued. */
final class MilestoneWrites {
  private final IncidentStore store;
  private final IncidentQueries queries;
  private final FinalReport finalReport;

  MilestoneWrites(IncidentStore store, IncidentQueries queries, FinalReport finalReport) {
    this.store = store;
    this.queries = queries;
    this.finalReport = finalReport;
  }

  /**
   * {@code POST /incidents/{id}/acknowledgements}: the security and privacy role has taken the
   * incident on.
   */
  void acknowledge(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.SECOND_LINE, Role.DPO, Role.LEGAL);
    String id = call.incidentId(params);
    long ifMatch = call.ifMatch();
    Outcome outcome =
        store.change(
            id,
            ifMatch,
            call.confirmation(),
            incident ->
                MilestoneRules.acknowledgeEscalation(incident, call.actor(role), call.now()));
    call.ok(outcome.incident().version(), Views.incident(outcome.incident()));
  }

  /**
   * {@code POST /incidents/{id}/final-report/issued}: the final report of a closed incident is
   * issued by the second line or the DPO, and frozen as issued: its data as canonical JSON with its
   * SHA-256, the version the incident was at.
   */
  void finalReportIssued(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.SECOND_LINE, Role.DPO);
    String id = call.incidentId(params);
    long ifMatch = call.ifMatch();
    // The report is built from the incident as the caller saw it; the transaction checks it is
    // still so.
    IncidentFile file = queries.file(id);
    if (file.incident().version() != ifMatch) {
      throw new StaleVersion(ifMatch, file.incident().version());
    }
    FinalReport.Frozen frozen = FinalReport.Frozen.of(finalReport.data(file, call.now()));
    Outcome outcome =
        store.update(
            id,
            ifMatch,
            call.confirmation(),
            (tx, incident) -> {
              Outcome issued =
                  MilestoneRules.finalReportIssued(
                      incident, frozen.sha256(), call.actor(role), call.now());
              tx.createIssuedReport(
                  new IssuedReport(
                      issued.incident().milestones().finalReportVersion(),
                      call.now(),
                      call.member().email(),
                      incident.closedAt(),
                      frozen));
              return tx.apply(issued);
            });
    call.ok(outcome.incident().version(), Views.incident(outcome.incident()));
  }

  /**
   * {@code POST /incidents/{id}/operation-restored} {@code {"restoredAt"}}: regular operation is
   * back (phase 5; required to close).
   */
  void operationRestored(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.RESPONDER);
    String id = call.incidentId(params);
    long ifMatch = call.ifMatch();
    Instant restoredAt = call.body(Set.of("restoredAt")).instant("restoredAt");
    Outcome outcome =
        store.change(
            id,
            ifMatch,
            call.confirmation(),
            incident ->
                MilestoneRules.operationRestored(
                    incident, restoredAt, call.actor(role), call.now()));
    call.ok(outcome.incident().version(), Views.incident(outcome.incident()));
  }
}
