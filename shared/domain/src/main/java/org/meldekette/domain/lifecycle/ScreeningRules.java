package org.meldekette.domain.lifecycle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.meldekette.domain.Actor;
import org.meldekette.domain.Change;
import org.meldekette.domain.ChangeType;
import org.meldekette.domain.Closure;
import org.meldekette.domain.Conflict;
import org.meldekette.domain.DismissalReason;
import org.meldekette.domain.DismissalRequest;
import org.meldekette.domain.Incident;
import org.meldekette.domain.Phase;
import org.meldekette.domain.SkipRequest;
import org.meldekette.domain.Text;

/**
 * Is it a security incident at all? Reports held for screening during a surge are screened in
 * (their clocks then count from their receipt) or out by a responder; triage may conclude that an
 * incident is not security-relevant, which closes it only with the second line's approval (four
 * eyes). Either way the case stays in the record and its clocks stop. A breach is never dismissed:
 * Art. 33(5) wants it documented with its notification decision.
 */
public final class ScreeningRules {
  private ScreeningRules() {}

  /** Files triage's conclusion "not an incident", for the second line to approve. */
  public static Outcome requestDismissal(
      Incident incident, DismissalRequest request, Actor actor, Instant now) {
    dismissible(incident);
    return new Outcome(
        incident.touched(now),
        new Change(
            ChangeType.DISMISSAL_REQUESTED,
            actor,
            now,
            incident.id(),
            "Not an incident, requested (" + request.id() + "): " + request.reason(),
            null,
            Map.of(
                "dismissalRequest",
                request.id(),
                "reason",
                request.reason().name(),
                "justification",
                request.justification())));
  }

  /** Closes the incident as not an incident on the approval of someone other than the requester. */
  public static Outcome approveDismissal(
      Incident incident, DismissalRequest request, Actor approver, Instant now) {
    if (!request.isPending()) {
      throw new Conflict("DISMISSAL_DECIDED", "request " + request.id() + " was already approved");
    }
    Guards.fourEyes(request.requestedBy(), approver, "a closing as not an incident");
    dismissible(incident);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("phase", Phase.CLOSED.name());
    after.put("closure", Closure.NOT_AN_INCIDENT.name());
    after.put("reason", request.reason().name());
    after.put("justification", request.justification());
    after.put("requestedBy", request.requestedBy());
    after.put("dismissalRequest", request.id());
    return new Outcome(
        incident.dismissed(Closure.NOT_AN_INCIDENT, now),
        new Change(
            ChangeType.DISMISSAL_APPROVED,
            approver,
            now,
            incident.id(),
            "Closed as not an incident (" + request.reason() + "), approved",
            Map.of("phase", incident.phase().name()),
            after));
  }

  /** A held report becomes an incident: its clocks start, counted from its receipt. */
  public static Outcome screenIn(Incident incident, Actor actor, Instant now) {
    requireHeld(incident);
    return new Outcome(
        incident.withHeld(false, now),
        new Change(
            ChangeType.SCREENED_IN,
            actor,
            now,
            incident.id(),
            "Screened in: an incident, with its clocks from the report's receipt",
            Map.of("held", true),
            Map.of("held", false)));
  }

  /** A held report is no incident: closed as screened out, kept in the record. */
  public static Outcome screenOut(
      Incident incident, DismissalReason reason, String justification, Actor actor, Instant now) {
    requireHeld(incident);
    if (reason == null) {
      throw new org.meldekette.domain.InvalidInput(
          "reason", "REQUIRED", "reason (SPAM, TEST, MISUNDERSTANDING or DUPLICATE) is required");
    }
    String why =
        Text.required("justification", justification, SkipRequest.MAX_JUSTIFICATION_LENGTH, true);
    return new Outcome(
        incident.dismissed(Closure.SCREENED_OUT, now),
        new Change(
            ChangeType.SCREENED_OUT,
            actor,
            now,
            incident.id(),
            "Screened out (" + reason + ")",
            Map.of("held", true, "phase", incident.phase().name()),
            Map.of(
                "phase",
                Phase.CLOSED.name(),
                "closure",
                Closure.SCREENED_OUT.name(),
                "reason",
                reason.name(),
                "justification",
                why)));
  }

  private static void dismissible(Incident incident) {
    Guards.notClosed(incident);
    if (incident.held()) {
      throw new Conflict(
          "HELD_FOR_SCREENING", "a report held for screening is screened in or out instead");
    }
    if (incident.wasEverBreach()) {
      throw new Conflict(
          "BREACH_NOT_DISMISSED",
          "an incident once classified as a breach stays documented with its Art. 33 decision;"
              + " it is never closed as not an incident");
    }
    if (incident.phase() != Phase.DETECTION_TRIAGE) {
      throw new Conflict(
          "NOT_IN_TRIAGE", "only triage concludes that something is not an incident");
    }
  }

  private static void requireHeld(Incident incident) {
    if (!incident.held() || incident.isClosed()) {
      throw new Conflict("NOT_HELD", "this incident is not a report held for screening");
    }
  }
}
