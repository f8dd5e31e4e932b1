package org.meldekette.domain.lifecycle;

import org.meldekette.domain.Actor;
import org.meldekette.domain.Conflict;
import org.meldekette.domain.Forbidden;
import org.meldekette.domain.Incident;
import org.meldekette.domain.InvalidInput;
import org.meldekette.domain.Phase;
import org.meldekette.domain.Role;

/**
 * The few checks the lifecycle's commands share: a closed incident takes no work but a reopen, an
 * approval needs a second person, some records only one role may make. Stated once here so every
 * command refuses the same way, with the same codes.
 */
public final class Guards {
  private Guards() {}

  /** Refuses work on a closed incident: only the second line's reopen moves it again. */
  public static void notClosed(Incident incident) {
    if (incident.isClosed()) {
      throw new Conflict(
          "INCIDENT_CLOSED", "the incident is closed; the second line can reopen it");
    }
  }

  /**
   * Four eyes: whoever filed a request (a skip, a change of legal facts, closing as not an
   * incident) cannot approve it.
   *
   * @param what the request, as the refusal names it ("a skip")
   */
  public static void fourEyes(String requestedBy, Actor approver, String what) {
    if (approver.id().equalsIgnoreCase(requestedBy)) {
      throw new Conflict(
          "SELF_APPROVAL", "four eyes: the requester of " + what + " cannot approve it");
    }
  }

  /** Refuses unless the actor acts under {@code role}: records only that role may make. */
  public static void roleMay(Actor actor, Role role, String what) {
    if (!role.name().equals(actor.role())) {
      throw new Forbidden(what + " by the " + role + " role");
    }
  }

  static void requireTarget(Phase to) {
    if (to == null) {
      throw new InvalidInput("to", "REQUIRED", "to (the target phase) is required");
    }
  }
}
