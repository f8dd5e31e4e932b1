package org.meldekette.domain.lifecycle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.Actor;
import org.meldekette.domain.Change;
import org.meldekette.domain.ChangeType;
import org.meldekette.domain.Conflict;
import org.meldekette.domain.Incident;
import org.meldekette.domain.InvalidInput;
import org.meldekette.domain.ProcessingRoles;
import org.meldekette.domain.RiskLevel;
import org.meldekette.domain.SkipRequest;
import org.meldekette.domain.Text;
import org.meldekette.domain.Triage;
import org.meldekette.domain.TriageChangeRequest;
import org.meldekette.domain.TriageView;

/**
 * Triage and the legal facts it sets: classification, awareness and the risk to the data subjects
 * start GDPR's clocks, so a breach's legal facts change only with the sign-off of LEGAL or the DPO
 * (four eyes), and who controls and who processes the data decides which clocks run.
 */
public final class TriageRules {
  private TriageRules() {}

  /** Records a triage that changes no legal fact of a breach (those go through a request). */
  public static Outcome triage(Incident incident, Triage.Input input, Actor actor, Instant now) {
    Guards.notClosed(incident);
    Triage next = Triage.record(incident.triage(), input, now);
    List<Triage.LegalFact> facts = Triage.legalFactsChanged(incident.triage(), next);
    if (!facts.isEmpty()) {
      throw new Conflict(
          "LEGAL_SIGN_OFF_REQUIRED",
          "this triage changes legal facts of a breach: file it as a triage change request with a"
              + " justification, for LEGAL or the DPO to approve",
          facts.stream().map(TriageRules::unmet).toList());
    }
    return recorded(incident, next, ChangeType.TRIAGE_RECORDED, actor, now, Map.of());
  }

  /** A triage change that alters legal facts, filed for LEGAL or the DPO to approve. */
  public record TriageChange(TriageChangeRequest request, Outcome outcome) {}

  /**
   * Files a triage that changes legal facts (see {@link Triage.LegalFact}): checked now, applied
   * only on approval by LEGAL or the DPO, who may not be the requester.
   */
  public static TriageChange requestChange(
      Incident incident,
      String requestId,
      Triage.Input input,
      String justification,
      Actor actor,
      Instant now) {
    Guards.notClosed(incident);
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
  public static Outcome approveChange(
      Incident incident, TriageChangeRequest request, Actor approver, Instant now) {
    Guards.notClosed(incident);
    if (request.status() != SkipRequest.Status.PENDING) {
      throw new Conflict(
          "TRIAGE_CHANGE_DECIDED", "triage change " + request.id() + " was already approved");
    }
    Guards.fourEyes(request.requestedBy(), approver, "a triage change");
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
    return recorded(incident, next, ChangeType.TRIAGE_CHANGE_APPROVED, approver, now, signOff);
  }

  /**
   * LEGAL or the DPO sets the initial risk: whether the risk to the data subjects is high decides
   * whether Art. 34 applies. The first finding of high risk stays the start of its clock.
   */
  public static Outcome riskAssessed(
      Incident incident, RiskLevel risk, String justification, Actor actor, Instant now) {
    Guards.notClosed(incident);
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
    return recorded(
        incident, next, ChangeType.RISK_ASSESSED, actor, now, Map.of("justification", reason));
  }

  /**
   * Records who controls and who processes the data concerned. Acting as processor changes which
   * clocks run (Art. 33(2) instead of Art. 33(1) and 34), so LEGAL or the DPO records it.
   */
  public static Outcome processingRecorded(
      Incident incident, ProcessingRoles roles, Actor actor, Instant now) {
    Guards.notClosed(incident);
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

  private static Outcome recorded(
      Incident incident,
      Triage next,
      ChangeType type,
      Actor actor,
      Instant now,
      Map<String, Object> also) {
    Diff diff = Diff.of(TriageView.of(incident.triage()), TriageView.of(next));
    Map<String, Object> recorded = new LinkedHashMap<>(diff.after());
    recorded.putAll(also);
    String label =
        switch (type) {
          case TRIAGE_RECORDED -> "Triage recorded";
          case RISK_ASSESSED -> "Risk assessed";
          default -> "Triage change approved";
        };
    return new Outcome(
        incident.withTriage(next, now),
        new Change(type, actor, now, incident.id(), diff.summary(label), diff.before(), recorded));
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
}
