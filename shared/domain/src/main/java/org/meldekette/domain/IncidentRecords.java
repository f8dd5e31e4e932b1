package org.meldekette.domain;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What is recorded beside an incident that its exit criteria look at. */
public record IncidentRecords(
    List<Measure> measures,
    long evidenceCount,
    List<Decision> decisions,
    List<RetentionExtension> retentionExtensions) {
  public IncidentRecords {
    measures = List.copyOf(measures);
    decisions = List.copyOf(decisions);
    retentionExtensions = List.copyOf(retentionExtensions);
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
