package org.meldekette.domain.deadline;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.meldekette.domain.Communication;
import org.meldekette.domain.Decision;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentRecords;
import org.meldekette.domain.IncidentSource;
import org.meldekette.domain.Measure;
import org.meldekette.domain.MeasureStatus;
import org.meldekette.domain.RegimeTrigger;
import org.meldekette.domain.Triage;

/**
 * What deadlines are counted from and met by, read off an incident and its records: named facts
 * with their times ({@code detected}, {@code awareness}, {@code triaged}, {@code
 * regime.NIS2.aware}, …), decisions by type, and communications by audience and stage.
 *
 * <p>GDPR's clocks are the controller's: {@code awareness} and {@code highRiskFound} are facts only
 * while the operator controls the data; acting as processor, awareness is {@code
 * awareness.processor}, which starts the Art. 33(2) clock instead.
 */
public final class IncidentFacts {
  private final Map<String, Instant> facts = new HashMap<>();
  private final List<Decision> decisions;
  private final List<Decision> effectiveDecisions;
  private final Map<String, Instant> communications;
  private final List<Measure> measures;

  public IncidentFacts(Incident incident, IncidentRecords records) {
    this.measures = records.measures();
    this.decisions = records.decisions();
    this.effectiveDecisions = records.effectiveDecisions();
    this.communications = communicationTimes(records.communications(), true);
    communications.forEach((key, at) -> put("communication." + key, at));
    communicationTimes(records.communications(), false)
        .forEach((key, at) -> put("communication.latest." + key, at));
    if (incident.held()) {
      return; // held for screening: no clock runs until it is screened in
    }
    put("detected", incident.detectedAt());
    if (incident.source() == IncidentSource.REPORT) {
      put("reported", incident.createdAt()); // someone waits to hear back
    }
    Triage triage = incident.triage();
    boolean processor = incident.processing().actingAsProcessor();
    if (triage != null) {
      put("classified", triage.classifiedAt());
      if (triage.isBreach()) {
        put(processor ? "awareness.processor" : "awareness", triage.awarenessAt());
        if (triage.isHighRisk() && !processor) {
          put("highRiskFound", triage.highRiskFoundAt());
        }
      }
    }
    put("triaged", incident.milestones().triagedAt());
    put("escalationAcknowledged", incident.milestones().escalationAcknowledgedAt());
    if (incident.closure() != null && incident.closure().dismisses()) {
      put("dismissed", incident.closedAt()); // closed as no incident at all: its clocks stop
    } else {
      put("closed", incident.closedAt());
    }
    put("operationRestored", incident.milestones().operationRestoredAt());
    Instant issued = incident.milestones().finalReportIssuedAt();
    // A report issued before the latest closure was the report of an earlier closure.
    if (issued != null && incident.closedAt() != null && !issued.isBefore(incident.closedAt())) {
      put("finalReportIssued", issued);
    }
    for (Map.Entry<String, RegimeTrigger> regime : incident.regimes().entrySet()) {
      put("regime." + regime.getKey() + ".triggered", regime.getValue().triggeredAt());
      put("regime." + regime.getKey() + ".aware", regime.getValue().awareAt());
      regime
          .getValue()
          .requests()
          .forEach((stage, due) -> put("regime." + regime.getKey() + ".request." + stage, due));
    }
  }

  private IncidentFacts(IncidentFacts of, Measure measure) {
    this.measures = List.of(measure);
    this.decisions = of.decisions;
    this.effectiveDecisions = of.effectiveDecisions;
    this.communications = of.communications;
    this.facts.putAll(of.facts);
    put("measure.due", measure.dueAt());
    put("measure.done", measure.doneAt());
    Instant checked = measure.effectiveness() == null ? null : measure.effectiveness().checkedAt();
    // An effectiveness review follows the work: a check before the measure was done does not count.
    if (checked != null && measure.doneAt() != null && !checked.isBefore(measure.doneAt())) {
      put("measure.checked", checked);
    }
  }

  /** The measures recorded beside the incident. */
  List<Measure> measures() {
    return measures;
  }

  /** The facts of the incident with those of one of its measures, for a stage run per measure. */
  IncidentFacts forMeasure(Measure measure) {
    return new IncidentFacts(this, measure);
  }

  /**
   * The earliest (or latest) communication for each thing a stage can be met by: {@code AUDIENCE},
   * {@code AUDIENCE/KIND} (such as {@code SUPERVISORY_AUTHORITY/INITIAL}) and the regulatory stage
   * it fulfils ({@code NIS2/EARLY_WARNING}).
   */
  static Map<String, Instant> communicationTimes(
      List<Communication> communications, boolean earliest) {
    Map<String, Instant> times = new HashMap<>();
    for (Communication c : communications) {
      java.util.function.Consumer<String> keep =
          key -> times.merge(key, c.sentAt(), (a, b) -> a.isBefore(b) == earliest ? a : b);
      keep.accept(c.audience().name());
      if (c.notification() != null) {
        keep.accept(c.audience().name() + "/" + c.notification().name());
      }
      if (c.stage() != null) {
        keep.accept(c.stage());
      }
    }
    return times;
  }

  public Optional<Instant> fact(String name) {
    return Optional.ofNullable(facts.get(name));
  }

  /**
   * Adds a fact found while evaluating, such as a stage being met ({@code stage.GDPR/ART33.met}).
   */
  void put(String name, Instant at) {
    if (at != null) {
      facts.put(name, at);
    }
  }

  /**
   * When a satisfier was first recorded: {@code decision:TYPE} (in force; one that commits to a
   * communication instead counts from that communication), {@code decision:*} (any ever logged),
   * {@code fact:NAME}, {@code communication:KEY}.
   */
  public Optional<Instant> satisfiedAt(String satisfier) {
    int colon = satisfier.indexOf(':');
    String kind = satisfier.substring(0, colon);
    String what = satisfier.substring(colon + 1);
    return switch (kind) {
      case "decision" ->
          what.equals("*")
              ? decisions.stream().map(Decision::decidedAt).min(Instant::compareTo)
              : effectiveDecisions.stream()
                  .filter(d -> d.type().name().equals(what))
                  .map(this::outcomeOf)
                  .flatMap(Optional::stream)
                  .min(Instant::compareTo);
      case "fact" -> fact(what);
      case "communication" -> Optional.ofNullable(communications.get(what));
      default -> throw new IllegalArgumentException("unknown satisfier " + satisfier);
    };
  }

  /**
   * When a decision took effect: when decided, or when the communication it commits to went out.
   */
  private Optional<Instant> outcomeOf(Decision decision) {
    if (decision.communicationInstead() == null) {
      return Optional.of(decision.decidedAt());
    }
    return Optional.ofNullable(communications.get(decision.communicationInstead().name()));
  }

  static boolean isLive(Measure measure, List<String> types) {
    return measure.status() != MeasureStatus.CANCELLED
        && (types.isEmpty() || types.contains(measure.type().name()));
  }
}
