package org.meldekette.domain;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What is recorded beside an incident that its exit criteria look at. */
public record IncidentRecords(
    List<Measure> measures,
    long evidenceCount,
    List<Decision> decisions,
    List<RetentionExtension> retentionExtensions,
    List<Communication> communications) {
  /** A new incident's: nothing recorded beside it yet. */
  public static final IncidentRecords NONE =
      new IncidentRecords(List.of(), 0, List.of(), List.of(), List.of());

  /** Records holding only decisions and communications (what most clocks look at). */
  public static IncidentRecords of(List<Decision> decisions, List<Communication> communications) {
    return new IncidentRecords(List.of(), 0, decisions, List.of(), communications);
  }

  public IncidentRecords {
    measures = List.copyOf(measures);
    decisions = List.copyOf(decisions);
    retentionExtensions = List.copyOf(retentionExtensions);
    communications = List.copyOf(communications);
  }

  /** Whether a communication to {@code audience} was recorded (of {@code kind}, when not null). */
  public boolean communicated(Audience audience, Communication.Notification kind) {
    return communications.stream()
        .anyMatch(c -> c.audience() == audience && (kind == null || c.notification() == kind));
  }

  /** The decisions no later decision corrects. */
  public List<Decision> effectiveDecisions() {
    Set<String> corrected =
        decisions.stream()
            .map(Decision::corrects)
            .filter(java.util.Objects::nonNull)
            .collect(Collectors.toSet());
    return decisions.stream().filter(d -> !corrected.contains(d.id())).toList();
  }

  public boolean hasEffectiveDecision(DecisionType.Article article) {
    return effectiveDecisions().stream().anyMatch(d -> d.type().article() == article);
  }

  public boolean hasEffectiveDecision(DecisionType type) {
    return effectiveDecisions().stream().anyMatch(d -> d.type() == type);
  }
}
