package org.meldekette.domain.alert;

import java.util.Map;
import org.meldekette.domain.CiaImpact;
import org.meldekette.domain.Severity;

/**
 * Maps matching alerts to a signal with its severity and CIA impact. A rule matches by policy user
 * labels (all given labels equal), or by policy name, or by metric type; rules that match by labels
 * are tried first, then by policy name, then by metric type.
 *
 * @param opensIncident whether a matching alert opens (or joins) an incident, or is only recorded
 */
public record AlertRule(
    String name,
    Map<String, String> labels,
    String policyName,
    String metricType,
    String signal,
    Severity severity,
    CiaImpact cia,
    boolean opensIncident) {

  public AlertRule {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  public enum MatchKind {
    LABELS,
    POLICY_NAME,
    METRIC_TYPE,
    NONE
  }

  public MatchKind kind() {
    if (!labels.isEmpty()) {
      return MatchKind.LABELS;
    }
    if (policyName != null) {
      return MatchKind.POLICY_NAME;
    }
    return metricType != null ? MatchKind.METRIC_TYPE : MatchKind.NONE;
  }

  boolean matches(Alert alert) {
    return switch (kind()) {
      case LABELS ->
          labels.entrySet().stream()
              .allMatch(e -> e.getValue().equals(alert.labels().get(e.getKey())));
      case POLICY_NAME -> policyName.equals(alert.policyName());
      case METRIC_TYPE -> metricType.equals(alert.metricType());
      case NONE -> false;
    };
  }
}
