package org.meldekette.domain.deadline;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.meldekette.domain.Communication;
import org.meldekette.domain.Decision;
import org.meldekette.domain.Incident;
import org.meldekette.domain.RegimeTrigger;
import org.meldekette.domain.Triage;

/**
 * What deadlines are counted from and met by, read off an incident and its records: named facts
 * with their times ({@code detected}, {@code awareness}, {@code triaged}, {@code
 * regime.NIS2.aware}, …), decisions by type, and regulatory communications by stage.
 */
public final class IncidentFacts {
  private final Map<String, Instant> facts = new HashMap<>();
  private final List<Decision> decisions;
  private final Map<String, Instant> communications;

  public IncidentFacts(
      Incident incident, List<Decision> decisions, List<Communication> communications) {
    this.decisions = List.copyOf(decisions);
    this.communications = communicationTimes(communications, true);
    communicationTimes(communications, true).forEach((key, at) -> put("communication." + key, at));
    communicationTimes(communications, false)
        .forEach((key, at) -> put("communication.latest." + key, at));
    put("detected", incident.detectedAt());
    Triage triage = incident.triage();
    if (triage != null) {
      put("classified", triage.classifiedAt());
      if (triage.isBreach()) {
        put("awareness", triage.awarenessAt());
        put("highRiskFound", triage.highRiskFoundAt());
      }
    }
    put("triaged", incident.milestones().triagedAt());
    put("escalationAcknowledged", incident.milestones().escalationAcknowledgedAt());
    put("closed", incident.closedAt());
    put("finalReportIssued", incident.milestones().finalReportIssuedAt());
    for (Map.Entry<String, RegimeTrigger> regime : incident.regimes().entrySet()) {
      put("regime." + regime.getKey() + ".triggered", regime.getValue().triggeredAt());
      put("regime." + regime.getKey() + ".aware", regime.getValue().awareAt());
      regime
          .getValue()
          .requests()
          .forEach((stage, due) -> put("regime." + regime.getKey() + ".request." + stage, due));
    }
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
   * When a satisfier was first recorded: {@code decision:TYPE}, {@code decision:*}, {@code
   * fact:NAME}, {@code communication:KEY}.
   */
  public Optional<Instant> satisfiedAt(String satisfier) {
    int colon = satisfier.indexOf(':');
    String kind = satisfier.substring(0, colon);
    String what = satisfier.substring(colon + 1);
    return switch (kind) {
      case "decision" ->
          decisions.stream()
              .filter(d -> what.equals("*") || d.type().name().equals(what))
              .map(Decision::decidedAt)
              .min(Instant::compareTo);
      case "fact" -> fact(what);
      case "communication" -> Optional.ofNullable(communications.get(what));
      default -> throw new IllegalArgumentException("unknown satisfier " + satisfier);
    };
  }
}
