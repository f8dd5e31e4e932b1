package org.meldekette.domain.assurance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.meldekette.domain.Classification;
import org.meldekette.domain.Conflict;
import org.meldekette.domain.Decision;
import org.meldekette.domain.DecisionType;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentRecords;
import org.meldekette.domain.IncidentSource;
import org.meldekette.domain.Measure;
import org.meldekette.domain.MeasureStatus;
import org.meldekette.domain.MeasureType;
import org.meldekette.domain.Phase;
import org.meldekette.domain.ProcessingRoles;
import org.meldekette.domain.RetentionExtension;
import org.meldekette.domain.RiskLevel;
import org.meldekette.domain.Role;
import org.meldekette.domain.Triage;
import org.meldekette.domain.lifecycle.ExitCriteria;

/**
 * The exit criteria of each phase, read off {@link ExitCriteria} itself: the rules are asked what
 * is missing for incidents that have nothing yet, in each kind of case (not yet classified, a
 * security incident, a breach, a breach at high risk, a breach handled as processor). Whatever the
 * rules ask of any of them is listed, with the cases it applies to; a new criterion shows up here
 * without anyone writing it down twice.
 */
public final class PolicyRules {
  private PolicyRules() {}

  private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

  /** The kinds of case the criteria may differ for. */
  public enum Scenario {
    UNCLASSIFIED,
    INCIDENT,
    BREACH,
    BREACH_HIGH_RISK,
    BREACH_AS_PROCESSOR
  }

  private static final Set<Scenario> BREACHES =
      EnumSet.of(Scenario.BREACH, Scenario.BREACH_HIGH_RISK, Scenario.BREACH_AS_PROCESSOR);

  /**
   * One criterion.
   *
   * @param text the rule's own words (English)
   * @param when the cases it applies to; empty when it applies to every incident
   */
  public record Criterion(String code, String text, List<String> when) {}

  public static List<Criterion> exitCriteria(Phase phase) {
    Map<String, String> texts = new LinkedHashMap<>();
    Map<String, Set<Scenario>> cases = new LinkedHashMap<>();
    for (Scenario scenario : Scenario.values()) {
      for (IncidentRecords records : List.of(IncidentRecords.NONE, recordsWithGaps())) {
        Incident incident = incident(scenario, phase);
        for (Conflict.Unmet unmet : ExitCriteria.unmet(phase, incident, records, List.of())) {
          texts.putIfAbsent(unmet.code(), unmet.message());
          cases.computeIfAbsent(unmet.code(), c -> EnumSet.noneOf(Scenario.class)).add(scenario);
        }
      }
    }
    List<Criterion> criteria = new ArrayList<>();
    for (Map.Entry<String, String> text : texts.entrySet()) {
      criteria.add(new Criterion(text.getKey(), text.getValue(), when(cases.get(text.getKey()))));
    }
    return criteria;
  }

  private static List<String> when(Set<Scenario> applies) {
    if (applies.size() == Scenario.values().length) {
      return List.of();
    }
    if (applies.containsAll(BREACHES)) {
      List<String> when = new ArrayList<>(List.of(Scenario.BREACH.name()));
      applies.stream().filter(s -> !BREACHES.contains(s)).forEach(s -> when.add(s.name()));
      return when;
    }
    return applies.stream().map(Enum::name).toList();
  }

  /** An incident of {@code scenario} in {@code phase} with nothing recorded beyond its kind. */
  private static Incident incident(Scenario scenario, Phase phase) {
    Incident opened =
        Incident.open("INC-20260101-POLICY", "policy", IncidentSource.STAFF, null, AT);
    Incident inPhase = opened.inPhase(phase, null, null, AT);
    if (scenario == Scenario.UNCLASSIFIED) {
      return inPhase.withTriage(
          Triage.record(null, Triage.Input.classified(null, null, null), AT), AT);
    }
    boolean breach = scenario != Scenario.INCIDENT;
    Triage triage =
        Triage.record(
            null,
            Triage.Input.classified(
                breach ? Classification.BREACH : Classification.INCIDENT,
                null,
                scenario == Scenario.BREACH_HIGH_RISK ? RiskLevel.HIGH : null),
            AT);
    Incident classified = inPhase.withTriage(triage, AT);
    return scenario == Scenario.BREACH_AS_PROCESSOR
        ? classified.withProcessing(
            new ProcessingRoles(
                ProcessingRoles.OperatorRole.PROCESSOR,
                new ProcessingRoles.Party("Controller", null, null),
                List.of()),
            AT)
        : classified;
  }

  /**
   * Records that have what the criteria look at, each with a gap: a measure without owner, a
   * decision to notify without its communication, an open retention extension.
   */
  private static IncidentRecords recordsWithGaps() {
    Measure unowned =
        new Measure(
            "…",
            MeasureType.CORRECTIVE,
            null,
            "policy",
            null,
            null,
            MeasureStatus.PLANNED,
            null,
            "policy",
            AT,
            null);
    Decision notify =
        new Decision(
            "…",
            DecisionType.NOTIFY_AUTHORITY,
            "policy",
            "policy",
            Role.LEGAL,
            AT,
            null,
            null,
            null);
    RetentionExtension extension =
        new RetentionExtension("…", "policy", AT, "policy", null, null, null, null);
    return new IncidentRecords(List.of(unowned), 0, List.of(notify), List.of(extension), List.of());
  }
}
