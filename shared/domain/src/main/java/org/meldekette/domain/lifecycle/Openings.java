package org.meldekette.domain.lifecycle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.meldekette.domain.Actor;
import org.meldekette.domain.Change;
import org.meldekette.domain.ChangeType;
import org.meldekette.domain.Incident;
import org.meldekette.domain.Report;

/** How an incident comes into being: from a report, or opened as it stands. */
public final class Openings {
  private Openings() {}

  /**
   * A report from the public form opens an incident in triage, detected when the report arrived.
   *
   * @param held taken in beyond the system-wide rate (a surge): kept, with no clock running, until
   *     a responder screens it in or out
   */
  public static Outcome reportReceived(
      String incidentId, Report report, boolean held, Instant now) {
    Incident incident = Incident.fromReport(incidentId, report, now, held);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("phase", incident.phase().name());
    after.put("source", incident.source().name());
    if (held) {
      after.put("held", true);
    }
    return new Outcome(
        incident,
        new Change(
            ChangeType.REPORT_RECEIVED,
            Actor.reporter(incidentId),
            now,
            incidentId,
            "Report received (" + report.kind() + ")" + (held ? ", held for screening" : ""),
            null,
            after));
  }

  /**
   * Opens an incident as it stands: one a staff member opens in triage, or one brought in with the
   * state it already has (test data, a migration), whose history before lies elsewhere.
   */
  public static Outcome opened(Incident incident, Actor actor) {
    return new Outcome(
        incident,
        new Change(
            ChangeType.INCIDENT_OPENED,
            actor,
            incident.updatedAt(),
            incident.id(),
            "Incident opened (" + incident.source() + ")",
            null,
            Map.of("phase", incident.phase().name(), "source", incident.source().name())));
  }
}
