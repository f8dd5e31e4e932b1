package org.meldekette.domain.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.Actor;
import org.meldekette.domain.Change;
import org.meldekette.domain.ChangeType;
import org.meldekette.domain.Conflict;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentRecords;
import org.meldekette.domain.InvalidInput;
import org.meldekette.domain.Phase;
import org.meldekette.domain.SkipRequest;
import org.meldekette.domain.Text;
import org.meldekette.domain.Triage;
import org.meldekette.domain.deadline.Deadline;

/**
 * Moving through the five phases: one step forward when the phase's {@link ExitCriteria} hold, a
 * skip of phases only on the second line's approval (four eyes), and back only by a justified
 * reopen. What closing requires is {@link ClosureRequirements}.
 */
public final class PhaseRules {
  private PhaseRules() {}

  /** What a move forward states beside its target: both optional, each where it applies. */
  public record Statements(String noEvidenceJustification, String missedReason) {
    public static final Statements NONE = new Statements(null, null);
  }

  /**
   * Moves exactly one phase forward when the current phase's exit criteria hold.
   *
   * @param clocks the incident's clocks as they stand
   */
  public static Outcome advance(
      Incident incident,
      IncidentRecords records,
      List<Deadline> clocks,
      Phase to,
      Statements statements,
      Actor actor,
      Instant now) {
    Guards.notClosed(incident);
    Phase from = incident.phase();
    Guards.requireTarget(to);
    if (!from.isBefore(to)) {
      throw new Conflict(
          to == from ? "ALREADY_IN_PHASE" : "BACKWARD_NOT_ALLOWED",
          to == from
              ? "the incident is already in " + to
              : "an incident only moves backward through a justified reopen by the second line");
    }
    if (to != from.next()) {
      throw new Conflict(
          "SKIP_REQUIRES_APPROVAL",
          "moving from "
              + from
              + " to "
              + to
              + " skips a phase: file a skip request for second-line approval");
    }
    String noEvidence =
        Text.optional(
            "noEvidenceJustification",
            statements.noEvidenceJustification(),
            Triage.MAX_JUSTIFICATION_LENGTH,
            true);
    if (noEvidence != null && from != Phase.FORENSICS) {
      throw new InvalidInput(
          "noEvidenceJustification",
          "NOT_APPLICABLE",
          "a statement that no evidence exists belongs to leaving forensics");
    }
    Incident candidate =
        noEvidence == null
            ? incident
            : incident.inPhase(from, noEvidence, incident.closedAt(), incident.updatedAt());
    List<Conflict.Unmet> unmet = ExitCriteria.unmet(from, candidate, records, clocks);
    if (!unmet.isEmpty()) {
      throw new Conflict(
          "EXIT_CRITERIA_UNMET", "the exit criteria of " + from + " are not met", unmet);
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("phase", to.name());
    if (noEvidence != null) {
      after.put("noEvidenceJustification", noEvidence);
    }
    if (to == Phase.CLOSED) {
      missed(clocks, statements.missedReason(), "missedReason", after);
    } else if (statements.missedReason() != null) {
      throw new InvalidInput(
          "missedReason", "NOT_APPLICABLE", "a reason for missed deadlines belongs to closing");
    }
    Incident moved = enter(incident, to, candidate.noEvidenceJustification(), now);
    addClosure(moved, after);
    return new Outcome(
        moved,
        new Change(
            ChangeType.PHASE_CHANGED,
            actor,
            now,
            incident.id(),
            "Phase " + from + " → " + to,
            Map.of("phase", from.name()),
            after));
  }

  /** Files a request to skip: checked now, applied only on approval. */
  public static Outcome requestSkip(
      Incident incident, SkipRequest request, Actor actor, Instant now) {
    Guards.notClosed(incident);
    if (request.from() != incident.phase()) {
      throw new IllegalArgumentException("a skip request starts from the incident's phase");
    }
    if (!incident.phase().isBefore(request.to()) || request.to() == incident.phase().next()) {
      throw new InvalidInput(
          "to",
          "NOT_A_SKIP",
          "a skip request moves more than one phase forward; from "
              + incident.phase()
              + " that is any phase after "
              + incident.phase().next());
    }
    return new Outcome(
        incident.touched(now),
        new Change(
            ChangeType.SKIP_REQUESTED,
            actor,
            now,
            incident.id(),
            "Skip requested: " + request.from() + " → " + request.to() + " (" + request.id() + ")",
            null,
            Map.of(
                "skipRequest",
                request.id(),
                "from",
                request.from().name(),
                "to",
                request.to().name(),
                "justification",
                request.justification())));
  }

  /**
   * Applies a skip on approval by someone other than the requester (four eyes). The current phase's
   * exit criteria still hold; only the skipped phases' are waived. A breach never skips its legal
   * assessment's decisions: Art. 33(5) wants every breach documented with its notification
   * decision.
   */
  public static Outcome approveSkip(
      Incident incident,
      IncidentRecords records,
      List<Deadline> clocks,
      SkipRequest request,
      Actor approver,
      Instant now) {
    if (request.status() != SkipRequest.Status.PENDING) {
      throw new Conflict(
          "SKIP_REQUEST_DECIDED", "skip request " + request.id() + " was already approved");
    }
    Guards.fourEyes(request.requestedBy(), approver, "a skip");
    if (incident.phase() != request.from()) {
      throw new Conflict(
          "SKIP_REQUEST_STALE",
          "the incident moved to "
              + incident.phase()
              + " since the skip request from "
              + request.from()
              + " was filed");
    }
    List<Conflict.Unmet> unmet =
        new ArrayList<>(ExitCriteria.unmet(request.from(), incident, records, clocks));
    if (incident.isBreach()
        && request.from().isBefore(Phase.LEGAL_ASSESSMENT)
        && Phase.LEGAL_ASSESSMENT.isBefore(request.to())) {
      unmet.addAll(ExitCriteria.unmet(Phase.LEGAL_ASSESSMENT, incident, records, clocks));
    }
    if (request.to() == Phase.CLOSED) {
      // Skipping to closed skips recovery's criteria, never the clocks closing requires.
      unmet.addAll(
          ClosureRequirements.unmet(incident, records, clocks).stream()
              .filter(u -> u.code().equals("CLOCK_OPEN"))
              .toList());
    }
    if (!unmet.isEmpty()) {
      throw new Conflict("EXIT_CRITERIA_UNMET", "the skip cannot be applied yet", unmet);
    }
    List<String> skipped = new ArrayList<>();
    for (Phase p = request.from().next(); p != request.to(); p = p.next()) {
      skipped.add(p.name());
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("phase", request.to().name());
    after.put("skippedPhases", skipped);
    after.put("justification", request.justification());
    after.put("requestedBy", request.requestedBy());
    after.put("skipRequest", request.id());
    if (request.to() == Phase.CLOSED) {
      // The skip's justification is the reason the deadlines it leaves unmet were missed.
      missed(clocks, request.justification(), "justification", after);
    }
    Incident moved = enter(incident, request.to(), incident.noEvidenceJustification(), now);
    addClosure(moved, after);
    return new Outcome(
        moved,
        new Change(
            ChangeType.SKIP_APPROVED,
            approver,
            now,
            incident.id(),
            "Skip approved: "
                + request.from()
                + " → "
                + request.to()
                + ", skipping "
                + String.join(", ", skipped),
            Map.of("phase", request.from().name()),
            after));
  }

  /**
   * Moves back to an earlier phase (also out of CLOSED): the second line's call, always justified.
   */
  public static Outcome reopen(
      Incident incident, Phase to, String justification, Actor actor, Instant now) {
    Guards.requireTarget(to);
    String reason =
        Text.required("justification", justification, Triage.MAX_JUSTIFICATION_LENGTH, true);
    if (to == Phase.CLOSED || !to.isBefore(incident.phase())) {
      throw new InvalidInput(
          "to", "NOT_BACKWARD", "reopen moves to a phase before " + incident.phase());
    }
    String noEvidence =
        to.isBefore(Phase.LEGAL_ASSESSMENT) ? null : incident.noEvidenceJustification();
    Incident reopened = incident.inPhase(to, noEvidence, null, now);
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("phase", incident.phase().name());
    if (incident.closedAt() != null) {
      before.put("closedAt", incident.closedAt().toString());
    }
    return new Outcome(
        reopened,
        new Change(
            ChangeType.REOPENED,
            actor,
            now,
            incident.id(),
            "Reopened: " + incident.phase() + " → " + to,
            before,
            Map.of("phase", to.name(), "justification", reason)));
  }

  /**
   * Records the clocks closing settles as missed, with the reason; refuses to close without one.
   */
  private static void missed(
      List<Deadline> clocks, String reason, String field, Map<String, Object> after) {
    List<Deadline> missed = ClosureRequirements.missedOnClosing(clocks);
    if (missed.isEmpty()) {
      return;
    }
    String why = Text.optional(field, reason, Triage.MAX_JUSTIFICATION_LENGTH, true);
    if (why == null) {
      throw new InvalidInput(
          field,
          "REQUIRED",
          "closing leaves these deadlines unmet: "
              + String.join("; ", missed.stream().map(Deadline::label).toList())
              + ". State why they were missed");
    }
    after.put("missedDeadlines", missed.stream().map(Deadline::key).toList());
    after.put("missedReason", why);
  }

  private static Incident enter(Incident incident, Phase to, String noEvidence, Instant now) {
    boolean closing = to == Phase.CLOSED;
    return incident.inPhase(to, noEvidence, closing ? now : null, now);
  }

  private static void addClosure(Incident moved, Map<String, Object> after) {
    if (moved.isClosed()) {
      after.put("closedAt", moved.closedAt().toString());
    }
  }
}
