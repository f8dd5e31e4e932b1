package org.meldekette.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The incident and breach policy's lifecycle rules. Every method takes the incident as it is,
 * returns it as it becomes together with the {@link Change} to record, and refuses what the policy
 * forbids with {@link Conflict} (the state does not allow it) or {@link InvalidInput} (the request
 * is wrong). Pure: the caller reads and writes, inside one transaction.
 */
public final class Lifecycle {
  /** The incident after a change, and the change to record. */
  public record Outcome(Incident incident, Change change) {}

  /**
   * A report from the public form opens an incident in triage, detected when the report arrived.
   */
  public Outcome reportReceived(String incidentId, Report report, Instant now) {
    Incident incident = Incident.fromReport(incidentId, report, now);
    return new Outcome(
        incident,
        new Change(
            ChangeType.REPORT_RECEIVED,
            Actor.reporter(incidentId),
            now,
            incidentId,
            "Report received (" + report.kind() + ")",
            null,
            Map.of("phase", incident.phase().name(), "source", incident.source().name())));
  }

  /**
   * Opens an incident as it stands: one a staff member opens in triage, or one brought in with the
   * state it already has (test data, a migration), whose history before lies elsewhere.
   */
  public Outcome opened(Incident incident, Actor actor) {
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

  public Outcome triage(Incident incident, Triage.Input input, Actor actor, Instant now) {
    refuseIfClosed(incident);
    Triage next = Triage.record(incident.triage(), input, now);
    List<Triage.LegalFact> facts = Triage.legalFactsChanged(incident.triage(), next);
    if (!facts.isEmpty()) {
      throw new Conflict(
          "LEGAL_SIGN_OFF_REQUIRED",
          "this triage changes legal facts of a breach: file it as a triage change request with a"
              + " justification, for LEGAL or the DPO to approve",
          facts.stream().map(Lifecycle::unmet).toList());
    }
    return triageRecorded(incident, next, ChangeType.TRIAGE_RECORDED, actor, now, Map.of());
  }

  /** A triage change that alters legal facts, filed for LEGAL or the DPO to approve. */
  public record TriageChange(TriageChangeRequest request, Outcome outcome) {}

  /**
   * Files a triage that changes legal facts (see {@link Triage.LegalFact}): checked now, applied
   * only on approval by LEGAL or the DPO, who may not be the requester.
   */
  public TriageChange requestTriageChange(
      Incident incident,
      String requestId,
      Triage.Input input,
      String justification,
      Actor actor,
      Instant now) {
    refuseIfClosed(incident);
    Triage next = Triage.record(incident.triage(), input, now);
    List<Triage.LegalFact> facts = Triage.legalFactsChanged(incident.triage(), next);
    if (facts.isEmpty()) {
      throw new InvalidInput(
          "triage",
          "NO_LEGAL_FACT",
          "this triage changes no legal fact of a breach: record it with PUT /triage");
    }
    TriageChangeRequest request =
        new TriageChangeRequest(
            requestId,
            input,
            facts,
            justification,
            TriageView.of(incident.triage()),
            actor.id(),
            now,
            SkipRequest.Status.PENDING,
            null,
            null);
    return new TriageChange(
        request,
        new Outcome(
            incident.touched(now),
            new Change(
                ChangeType.TRIAGE_CHANGE_REQUESTED,
                actor,
                now,
                incident.id(),
                "Triage change requested (" + requestId + "): " + names(facts),
                null,
                Map.of(
                    "triageChange",
                    requestId,
                    "facts",
                    names(facts),
                    "justification",
                    request.justification()))));
  }

  /** Applies a triage change on the sign-off of LEGAL or the DPO, never the requester's own. */
  public Outcome approveTriageChange(
      Incident incident, TriageChangeRequest request, Actor approver, Instant now) {
    refuseIfClosed(incident);
    if (request.status() != SkipRequest.Status.PENDING) {
      throw new Conflict(
          "TRIAGE_CHANGE_DECIDED", "triage change " + request.id() + " was already approved");
    }
    if (approver.id().equalsIgnoreCase(request.requestedBy())) {
      throw new Conflict(
          "SELF_APPROVAL", "four eyes: the requester of a triage change cannot approve it");
    }
    if (!TriageView.of(incident.triage()).equals(request.baseTriage())) {
      throw new Conflict(
          "TRIAGE_CHANGE_STALE",
          "the triage changed since triage change " + request.id() + " was filed: file it again");
    }
    Triage next = Triage.record(incident.triage(), request.input(), now);
    Map<String, Object> signOff = new LinkedHashMap<>();
    signOff.put("triageChange", request.id());
    signOff.put("requestedBy", request.requestedBy());
    signOff.put("facts", names(request.facts()));
    signOff.put("justification", request.justification());
    return triageRecorded(
        incident, next, ChangeType.TRIAGE_CHANGE_APPROVED, approver, now, signOff);
  }

  /**
   * LEGAL or the DPO sets the initial risk: whether the risk to the data subjects is high decides
   * whether Art. 34 applies. The first finding of high risk stays the start of its clock.
   */
  public Outcome riskAssessed(
      Incident incident, RiskLevel risk, String justification, Actor actor, Instant now) {
    refuseIfClosed(incident);
    if (risk == null) {
      throw new InvalidInput(
          "initialRisk", "REQUIRED", "initialRisk (LOW, MEDIUM or HIGH) is required");
    }
    String reason =
        Text.required("justification", justification, Triage.MAX_JUSTIFICATION_LENGTH, true);
    if (incident.triage() == null) {
      throw new Conflict("TRIAGE_MISSING", "record a triage before assessing the risk");
    }
    Triage next = Triage.record(incident.triage(), incident.triage().withRisk(risk), now);
    return triageRecorded(
        incident, next, ChangeType.RISK_ASSESSED, actor, now, Map.of("justification", reason));
  }

  private Outcome triageRecorded(
      Incident incident,
      Triage next,
      ChangeType type,
      Actor actor,
      Instant now,
      Map<String, Object> also) {
    Map<String, Object> before = TriageView.of(incident.triage());
    Map<String, Object> after = TriageView.of(next);
    Diff diff = Diff.of(before, after);
    Map<String, Object> recorded = new LinkedHashMap<>(diff.after());
    recorded.putAll(also);
    String what =
        type == ChangeType.TRIAGE_RECORDED
            ? "Triage recorded"
            : type == ChangeType.RISK_ASSESSED ? "Risk assessed" : "Triage change approved";
    return new Outcome(
        incident.withTriage(next, now),
        new Change(
            type,
            actor,
            now,
            incident.id(),
            what
                + (diff.after().isEmpty()
                    ? " (no change)"
                    : ": " + String.join(", ", diff.after().keySet())),
            diff.before(),
            recorded));
  }

  private static Conflict.Unmet unmet(Triage.LegalFact fact) {
    return new Conflict.Unmet(
        fact.name(),
        switch (fact) {
          case RECLASSIFIED_FROM_BREACH -> "reclassifies a breach as an incident";
          case CLASSIFICATION_DROPPED -> "drops the classification of a breach";
          case AWARENESS_MOVED_LATER ->
              "moves awareness later than the first classification as a breach";
          case HIGH_RISK_LOWERED -> "lowers a high risk to the data subjects";
        });
  }

  private static String names(List<Triage.LegalFact> facts) {
    return String.join(", ", facts.stream().map(Enum::name).toList());
  }

  /** Moves exactly one phase forward when the current phase's exit criteria hold. */
  public Outcome advance(
      Incident incident,
      IncidentRecords records,
      Phase to,
      String noEvidenceJustification,
      Actor actor,
      Instant now) {
    refuseIfClosed(incident);
    Phase from = incident.phase();
    requireTarget(to);
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
            noEvidenceJustification,
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
    List<Conflict.Unmet> unmet = ExitCriteria.unmet(from, candidate, records);
    if (!unmet.isEmpty()) {
      throw new Conflict(
          "EXIT_CRITERIA_UNMET", "the exit criteria of " + from + " are not met", unmet);
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("phase", to.name());
    if (noEvidence != null) {
      after.put("noEvidenceJustification", noEvidence);
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
  public Outcome requestSkip(Incident incident, SkipRequest request, Actor actor, Instant now) {
    refuseIfClosed(incident);
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
  public Outcome approveSkip(
      Incident incident,
      IncidentRecords records,
      SkipRequest request,
      Actor approver,
      Instant now) {
    if (request.status() != SkipRequest.Status.PENDING) {
      throw new Conflict(
          "SKIP_REQUEST_DECIDED", "skip request " + request.id() + " was already approved");
    }
    if (approver.id().equalsIgnoreCase(request.requestedBy())) {
      throw new Conflict("SELF_APPROVAL", "four eyes: the requester of a skip cannot approve it");
    }
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
        new ArrayList<>(ExitCriteria.unmet(request.from(), incident, records));
    if (incident.isBreach()
        && request.from().isBefore(Phase.LEGAL_ASSESSMENT)
        && Phase.LEGAL_ASSESSMENT.isBefore(request.to())) {
      unmet.addAll(ExitCriteria.unmet(Phase.LEGAL_ASSESSMENT, incident, records));
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
  public Outcome reopen(
      Incident incident, Phase to, String justification, Actor actor, Instant now) {
    requireTarget(to);
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
   * The security and privacy role acknowledges the escalation (meets the internal escalation
   * target).
   */
  public Outcome acknowledgeEscalation(Incident incident, Actor actor, Instant now) {
    if (incident.milestones().escalationAcknowledgedAt() != null) {
      throw new Conflict(
          "ALREADY_ACKNOWLEDGED",
          "the escalation was acknowledged at "
              + incident.milestones().escalationAcknowledgedAt()
              + " by "
              + incident.milestones().escalationAcknowledgedBy());
    }
    return new Outcome(
        incident.withMilestones(incident.milestones().acknowledged(now, actor.id()), now),
        new Change(
            ChangeType.ESCALATION_ACKNOWLEDGED,
            actor,
            now,
            incident.id(),
            "Escalation acknowledged by " + actor.role(),
            null,
            Map.of("acknowledgedAt", now.toString())));
  }

  /** The final report of a closed incident was issued (meets the final-report deadline). */
  /**
   * The final report of a closed incident is issued: one per closure (a reopened incident closed
   * again owes a new one), and only with its root cause and lessons learned (the improvement taken
   * into the ISMS) recorded.
   *
   * @param sha256 the hash of the report as issued, which is frozen with it
   */
  public Outcome finalReportIssued(Incident incident, String sha256, Actor actor, Instant now) {
    if (!incident.isClosed()) {
      throw new Conflict("INCIDENT_NOT_CLOSED", "the final report follows the closure");
    }
    Instant issued = incident.milestones().finalReportIssuedAt();
    if (issued != null && !issued.isBefore(incident.closedAt())) {
      throw new Conflict(
          "ALREADY_ISSUED", "the final report of this closure was issued at " + issued);
    }
    List<Conflict.Unmet> missing = new ArrayList<>();
    if (incident.assessment().rootCause() == null) {
      missing.add(
          new Conflict.Unmet("ROOT_CAUSE_MISSING", "the root cause (assessment.rootCause)"));
    }
    if (incident.assessment().lessonsLearned() == null) {
      missing.add(
          new Conflict.Unmet(
              "LESSONS_LEARNED_MISSING",
              "the lessons learned: the improvement taken into the ISMS (assessment.lessonsLearned)"));
    }
    if (!missing.isEmpty()) {
      throw new Conflict(
          "FINAL_REPORT_INCOMPLETE", "the final report lacks required items", missing);
    }
    Milestones reached = incident.milestones().finalReportIssued(now);
    return new Outcome(
        incident.withMilestones(reached, now),
        new Change(
            ChangeType.FINAL_REPORT_ISSUED,
            actor,
            now,
            incident.id(),
            "Final report issued (version " + reached.finalReportVersion() + ")",
            null,
            Map.of(
                "issuedAt", now.toString(),
                "version", reached.finalReportVersion(),
                "sha256", sha256)));
  }

  /** Regular operation was restored (phase 5): a milestone with its time, required to close. */
  public Outcome operationRestored(
      Incident incident, Instant restoredAt, Actor actor, Instant now) {
    if (incident.phase() != Phase.RECOVERY_CLOSURE) {
      throw new Conflict(
          "NOT_IN_RECOVERY", "restoring regular operation is recorded in recovery and closure");
    }
    if (restoredAt == null) {
      throw new InvalidInput(
          "restoredAt", "REQUIRED", "restoredAt (when operation was restored) is required");
    }
    if (restoredAt.isAfter(now.plus(Communication.TIME_TOLERANCE))) {
      throw new InvalidInput("restoredAt", "IN_FUTURE", "restoredAt lies in the future");
    }
    if (restoredAt.isBefore(incident.detectedAt())) {
      throw new InvalidInput(
          "restoredAt", "BEFORE_DETECTION", "restoredAt lies before the incident was detected");
    }
    Map<String, Object> before = new LinkedHashMap<>();
    if (incident.milestones().operationRestoredAt() != null) {
      before.put("operationRestoredAt", incident.milestones().operationRestoredAt().toString());
    }
    return new Outcome(
        incident.withMilestones(
            incident.milestones().operationRestored(restoredAt, actor.id()), now),
        new Change(
            ChangeType.OPERATION_RESTORED,
            actor,
            now,
            incident.id(),
            "Regular operation restored at " + restoredAt,
            before,
            Map.of("operationRestoredAt", restoredAt.toString())));
  }

  /**
   * Records who controls and who processes the data concerned. Acting as processor changes which
   * clocks run (Art. 33(2) instead of Art. 33(1) and 34), so LEGAL or the DPO records it.
   */
  public Outcome processingRecorded(
      Incident incident, ProcessingRoles roles, Actor actor, Instant now) {
    refuseIfClosed(incident);
    return new Outcome(
        incident.withProcessing(roles, now),
        new Change(
            ChangeType.PROCESSING_RECORDED,
            actor,
            now,
            incident.id(),
            "Processing roles recorded: operator acts as " + roles.role(),
            processingView(incident.processing()),
            processingView(roles)));
  }

  private static Map<String, Object> processingView(ProcessingRoles roles) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("role", roles.role().name());
    if (roles.controller() != null) {
      view.put("controller", roles.controller().name());
    }
    view.put("processors", roles.processors().stream().map(ProcessingRoles.Party::name).toList());
    return view;
  }

  public Outcome retentionExtended(
      Incident incident, RetentionExtension extension, Actor actor, Instant now) {
    return new Outcome(
        incident.touched(now),
        new Change(
            ChangeType.RETENTION_EXTENDED,
            actor,
            now,
            incident.id(),
            "Retention extended (" + extension.id() + ") until " + extension.until(),
            null,
            Map.of(
                "extension",
                extension.id(),
                "until",
                extension.until().toString(),
                "what",
                extension.what(),
                "justification",
                extension.justification())));
  }

  public Outcome retentionDecided(
      Incident incident,
      RetentionExtension before,
      RetentionExtension after,
      Actor actor,
      Instant now) {
    return new Outcome(
        incident.touched(now),
        new Change(
            after.status() == RetentionExtension.Status.LIFTED
                ? ChangeType.RETENTION_LIFTED
                : ChangeType.RETENTION_RENEWED,
            actor,
            now,
            incident.id(),
            "Retention extension " + after.id() + " " + after.status().name().toLowerCase(),
            Map.of("status", before.status().name(), "until", before.until().toString()),
            Map.of(
                "status",
                after.status().name(),
                "until",
                after.until().toString(),
                "justification",
                after.lastJustification())));
  }

  /** Records what is known in words for notifications; the timeline keeps which parts changed. */
  public Outcome assessmentRecorded(
      Incident incident, Assessment assessment, Actor actor, Instant now) {
    Diff diff = Diff.of(AssessmentView.of(incident.assessment()), AssessmentView.of(assessment));
    return new Outcome(
        incident.withAssessment(assessment, now),
        new Change(
            ChangeType.ASSESSMENT_RECORDED,
            actor,
            now,
            incident.id(),
            "Assessment recorded"
                + (diff.after().isEmpty()
                    ? " (no change)"
                    : ": " + String.join(", ", diff.after().keySet())),
            diff.before(),
            diff.after()));
  }

  public Outcome teamChanged(Incident incident, List<String> team, Actor actor, Instant now) {
    return new Outcome(
        incident.withTeam(team, now),
        new Change(
            ChangeType.TEAM_CHANGED,
            actor,
            now,
            incident.id(),
            "Incident team changed",
            Map.of("team", incident.team()),
            Map.of("team", team)));
  }

  /** Legal sign-off for one audience: what the communication gate waits for. */
  public Outcome approvalRecorded(Incident incident, Approval approval, Actor actor, Instant now) {
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

  /**
   * The communication gate: nothing goes out before a LEGAL member approved that audience for this
   * incident; press and public statements are recorded by the COMMUNICATIONS role only. The one
   * exception: a reporter of an incident never classified as a breach is answered by the team
   * directly.
   */
  public Outcome communicationRecorded(
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
    if (communication.audience() == Audience.PRESS
        && !Role.COMMUNICATIONS.name().equals(actor.role())) {
      throw new Forbidden("press and public statements are recorded by the COMMUNICATIONS role");
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

  /**
   * A sector regime found to apply (NIS2: marked significant; DORA: classified as major), which
   * starts its clocks; marking it again records a corrected time, and its clocks move.
   */
  public Outcome regimeTriggered(
      Incident incident, String regime, RegimeTrigger trigger, Actor actor, Instant now) {
    refuseIfClosed(incident);
    if (trigger.triggeredAt().isAfter(now)) {
      throw new InvalidInput("triggeredAt", "IN_FUTURE", "triggeredAt lies in the future");
    }
    RegimeTrigger previous = incident.regimes().get(regime);
    RegimeTrigger kept =
        previous == null
            ? trigger
            : new RegimeTrigger(
                trigger.triggeredAt(),
                trigger.awareAt(),
                trigger.by(),
                trigger.justification(),
                previous.requests());
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("regime", regime);
    after.put("triggeredAt", kept.triggeredAt().toString());
    after.put("awareAt", kept.awareAt().toString());
    Map<String, Object> before =
        previous == null
            ? null
            : Map.of(
                "triggeredAt",
                previous.triggeredAt().toString(),
                "awareAt",
                previous.awareAt().toString());
    return new Outcome(
        incident.withRegime(regime, kept, now),
        new Change(
            ChangeType.REGIME_TRIGGERED,
            actor,
            now,
            incident.id(),
            regime + " applies (from " + kept.triggeredAt() + ")",
            before,
            after));
  }

  /** The authority asked for a report (such as NIS2's intermediate report), due when it says. */
  public Outcome regimeReportRequested(
      Incident incident, String regime, String stage, Instant due, Actor actor, Instant now) {
    RegimeTrigger trigger = incident.regimes().get(regime);
    if (trigger == null) {
      throw new Conflict("REGIME_NOT_TRIGGERED", regime + " does not apply to this incident yet");
    }
    if (due == null) {
      throw new InvalidInput(
          "dueAt", "REQUIRED", "dueAt (when the requested report is due) is required");
    }
    return new Outcome(
        incident.withRegime(regime, trigger.withRequest(stage, due), now),
        new Change(
            ChangeType.REGIME_REPORT_REQUESTED,
            actor,
            now,
            incident.id(),
            regime + " requested " + stage + " by " + due,
            null,
            Map.of("regime", regime, "stage", stage, "dueAt", due.toString())));
  }

  public Outcome measureAdded(Incident incident, Measure measure, Actor actor, Instant now) {
    return new Outcome(
        incident.touched(now),
        new Change(
            ChangeType.MEASURE_ADDED,
            actor,
            now,
            incident.id(),
            measure.type() + " measure " + measure.id() + " added",
            null,
            MeasureView.of(measure)));
  }

  public Outcome measureChanged(
      Incident incident, Measure before, Measure after, Actor actor, Instant now) {
    Diff diff = Diff.of(MeasureView.of(before), MeasureView.of(after));
    return new Outcome(
        incident.touched(now),
        new Change(
            ChangeType.MEASURE_CHANGED,
            actor,
            now,
            incident.id(),
            "Measure " + before.id() + " changed: " + String.join(", ", diff.after().keySet()),
            diff.before(),
            diff.after()));
  }

  public Outcome evidenceAdded(Incident incident, Evidence evidence, Actor actor, Instant now) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("evidence", evidence.id());
    after.put("source", evidence.source().name());
    after.put("sha256", evidence.sha256());
    return new Outcome(
        incident.touched(now),
        new Change(
            ChangeType.EVIDENCE_ADDED,
            actor,
            now,
            incident.id(),
            "Evidence " + evidence.id() + " secured (" + evidence.source() + ")",
            null,
            after));
  }

  public Outcome custodyAppended(
      Incident incident, Evidence evidence, CustodyEntry entry, Actor actor, Instant now) {
    return new Outcome(
        incident.touched(now),
        new Change(
            ChangeType.CUSTODY_APPENDED,
            actor,
            now,
            incident.id(),
            "Evidence "
                + evidence.id()
                + ": "
                + entry.action()
                + " (custody entry "
                + entry.sequence()
                + ")",
            null,
            Map.of(
                "evidence",
                evidence.id(),
                "sequence",
                entry.sequence(),
                "action",
                entry.action().name())));
  }

  /**
   * Logs a decision. A correction must name a decision that is still in force; a decision must fit
   * the classification (the Art. 33/34 decisions for a breach, "no personal data affected" for a
   * plain incident).
   */
  public Outcome decisionLogged(
      Incident incident, IncidentRecords records, Decision decision, Actor actor, Instant now) {
    if (decision.corrects() != null
        && records.effectiveDecisions().stream()
            .noneMatch(d -> d.id().equals(decision.corrects()))) {
      boolean exists =
          records.decisions().stream().anyMatch(d -> d.id().equals(decision.corrects()));
      throw exists
          ? new Conflict(
              "DECISION_ALREADY_CORRECTED",
              "decision " + decision.corrects() + " was already corrected")
          : new InvalidInput(
              "corrects", "NOT_FOUND", "no decision " + decision.corrects() + " in this incident");
    }
    Classification classification =
        incident.triage() == null ? null : incident.triage().classification();
    boolean personalData = decision.type() != DecisionType.NO_PERSONAL_DATA_AFFECTED;
    // A breach reclassified later keeps its Art. 33/34 decisions (Art. 33(5)).
    boolean fits =
        personalData
            ? classification == Classification.BREACH || incident.wasEverBreach()
            : classification == Classification.INCIDENT;
    if (classification == null || !fits) {
      throw new Conflict(
          "DECISION_CONTRADICTS_CLASSIFICATION",
          decision.type()
              + " does not fit an incident "
              + (classification == null ? "not yet classified" : "classified as " + classification)
              + "; record the classification in triage first");
    }
    if (decision.type() == DecisionType.NO_DATA_SUBJECT_NOTIFICATION
        && incident.triage().isHighRisk()
        && decision.exception() == null) {
      throw new InvalidInput(
          "exception",
          "REQUIRED",
          "at high risk the data subjects are informed unless an Art. 34(3) exception applies:"
              + " ENCRYPTED, SUBSEQUENT_MEASURES or DISPROPORTIONATE_EFFORT (then a public"
              + " communication informs them instead)");
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("decision", decision.id());
    after.put("type", decision.type().name());
    after.put("signedAs", decision.signedAs().name());
    if (decision.corrects() != null) {
      after.put("corrects", decision.corrects());
    }
    if (decision.exception() != null) {
      after.put("exception", decision.exception().name());
    }
    return new Outcome(
        incident.touched(now),
        new Change(
            ChangeType.DECISION_LOGGED,
            actor,
            now,
            incident.id(),
            "Decision " + decision.id() + ": " + decision.type(),
            null,
            after));
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

  private static void requireTarget(Phase to) {
    if (to == null) {
      throw new InvalidInput("to", "REQUIRED", "to (the target phase) is required");
    }
  }

  private static void refuseIfClosed(Incident incident) {
    if (incident.isClosed()) {
      throw new Conflict(
          "INCIDENT_CLOSED", "the incident is closed; the second line can reopen it");
    }
  }

  /** Only the entries that differ, for a timeline that says what changed. */
  record Diff(Map<String, Object> before, Map<String, Object> after) {
    static Diff of(Map<String, Object> before, Map<String, Object> after) {
      Map<String, Object> b = new LinkedHashMap<>();
      Map<String, Object> a = new LinkedHashMap<>();
      for (String key : union(before, after)) {
        if (!Objects.equals(before.get(key), after.get(key))) {
          b.put(key, before.get(key));
          a.put(key, after.get(key));
        }
      }
      return new Diff(b, a);
    }

    private static List<String> union(Map<String, Object> x, Map<String, Object> y) {
      List<String> keys = new ArrayList<>(x.keySet());
      y.keySet().stream().filter(k -> !x.containsKey(k)).forEach(keys::add);
      return keys;
    }
  }
}
