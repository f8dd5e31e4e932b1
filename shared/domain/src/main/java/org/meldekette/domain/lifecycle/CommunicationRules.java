package org.meldekette.domain.lifecycle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.Actor;
import org.meldekette.domain.Approval;
import org.meldekette.domain.Audience;
import org.meldekette.domain.Change;
import org.meldekette.domain.ChangeType;
import org.meldekette.domain.Communication;
import org.meldekette.domain.Conflict;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentSource;
import org.meldekette.domain.Role;

/**
 * The communication gate: no external communication before legal sign-off for that audience, press
 * and public statements by the COMMUNICATIONS role only.
 */
public final class CommunicationRules {
  private CommunicationRules() {}

  /** Legal sign-off for one audience: what the communication gate waits for. */
  public static Outcome approvalRecorded(
      Incident incident, Approval approval, Actor actor, Instant now) {
    return new Outcome(
        incident.touched(now),
        new Change(
            ChangeType.COMMUNICATION_APPROVED,
            actor,
            now,
            incident.id(),
            "Legal approval to communicate with " + approval.audience(),
            null,
            Map.of("approval", approval.id(), "audience", approval.audience().name())));
  }

  /**
   * The communication gate: nothing goes out before a LEGAL member approved that audience for this
   * incident; press and public statements are recorded by the COMMUNICATIONS role only. The one
   * exception: a reporter of an incident never classified as a breach is answered by the team
   * directly.
   */
  public static Outcome communicationRecorded(
      Incident incident,
      List<Approval> approvals,
      Communication communication,
      Actor actor,
      Instant now) {
    boolean toReporter = communication.audience() == Audience.REPORTER;
    if (toReporter && incident.source() != IncidentSource.REPORT) {
      throw new Conflict(
          "NO_REPORTER_CHANNEL",
          "only an incident reported through the form has a reporter to write to");
    }
    if (!toReporter || incident.wasEverBreach()) {
      requireApproval(approvals, communication);
    }
    communication.checkedTime();
    if (communication.audience() == Audience.PRESS) {
      Guards.roleMay(actor, Role.COMMUNICATIONS, "press and public statements are recorded");
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("communication", communication.id());
    after.put("audience", communication.audience().name());
    after.put("sentAt", communication.sentAt().toString());
    if (communication.notification() != null) {
      after.put("notification", communication.notification().name());
    }
    if (communication.stage() != null) {
      after.put("stage", communication.stage());
    }
    return new Outcome(
        incident.touched(now),
        new Change(
            ChangeType.COMMUNICATION_RECORDED,
            actor,
            now,
            incident.id(),
            "Communication to "
                + communication.audience()
                + " recorded ("
                + communication.id()
                + ")",
            null,
            after));
  }

  private static void requireApproval(List<Approval> approvals, Communication communication) {
    List<Approval> forAudience =
        approvals.stream().filter(a -> a.audience() == communication.audience()).toList();
    if (forAudience.isEmpty()) {
      throw new Conflict(
          "LEGAL_APPROVAL_MISSING",
          "no legal approval to communicate with "
              + communication.audience()
              + " about this incident: a LEGAL member records it first");
    }
    if (forAudience.stream().allMatch(a -> a.approvedAt().isAfter(communication.sentAt()))) {
      throw new Conflict(
          "SENT_BEFORE_APPROVAL",
          "sentAt lies before the legal approval to communicate with "
              + communication.audience()
              + ": nothing goes out before legal sign-off");
    }
  }
}
