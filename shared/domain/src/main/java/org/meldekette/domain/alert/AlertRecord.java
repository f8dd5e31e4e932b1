package org.meldekette.domain.alert;

import java.time.Instant;
import org.meldekette.domain.Severity;

/**
 * What Meldekette keeps of one alert occurrence: its state and the incident it opened or joined
 * (null when its rule opens none).
 */
public record AlertRecord(
    String key,
    String source,
    Alert.AlertState state,
    String rule,
    String signal,
    Severity severity,
    String groupKey,
    String incidentId,
    String policyName,
    String resourceName,
    String url,
    Instant startedAt,
    Instant endedAt) {

  /** The record of an alert seen for the first time. */
  public static AlertRecord first(Alert alert, AlertRule rule, String groupKey, String incidentId) {
    return new AlertRecord(
        alert.key(),
        alert.source(),
        alert.state(),
        rule.name(),
        rule.signal(),
        rule.severity(),
        groupKey,
        incidentId,
        alert.policyName(),
        alert.resource().name(),
        alert.url(),
        alert.startedAt(),
        alert.state() == Alert.AlertState.CLOSED ? endOf(alert) : null);
  }

  public AlertRecord resolved(Alert closing) {
    return new AlertRecord(
        key,
        source,
        Alert.AlertState.CLOSED,
        rule,
        signal,
        severity,
        groupKey,
        incidentId,
        policyName,
        resourceName,
        url,
        startedAt,
        endOf(closing));
  }

  private static Instant endOf(Alert alert) {
    return alert.endedAt() != null ? alert.endedAt() : alert.startedAt();
  }
}
