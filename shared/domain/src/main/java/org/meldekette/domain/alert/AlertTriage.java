package org.meldekette.domain.alert;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.Actor;
import org.meldekette.domain.Change;
import org.meldekette.domain.ChangeType;
import org.meldekette.domain.Incident;
import org.meldekette.domain.Triage;

/**
 * What a notification does to an alert, given what is already known of it. Notifications may come
 * twice and in any order; every order ends in the same state: an alert is opened once, resolved
 * once, and an "open" that arrives after its own "closed" changes nothing.
 */
public final class AlertTriage {
  /** Who acts when an alert is triaged. */
  public static final Actor SERVICE = Actor.service("alert-triage");

  private AlertTriage() {}

  public enum Effect {
    /** A new alert that is open. */
    OPENED,
    /**
     * A new alert whose first notification says it is already over: opened and resolved at once.
     */
    OPENED_AND_RESOLVED,
    /** A known open alert that closed. */
    RESOLVED,
    /** Nothing new: a repeat, or an "open" after the "closed". */
    NONE;

    public boolean isNew() {
      return this == OPENED || this == OPENED_AND_RESOLVED;
    }

    public boolean resolves() {
      return this == OPENED_AND_RESOLVED || this == RESOLVED;
    }
  }

  public static Effect effect(AlertRecord known, Alert incoming) {
    if (known == null) {
      return incoming.state() == Alert.AlertState.OPEN ? Effect.OPENED : Effect.OPENED_AND_RESOLVED;
    }
    if (known.state() == Alert.AlertState.OPEN && incoming.state() == Alert.AlertState.CLOSED) {
      return Effect.RESOLVED;
    }
    return Effect.NONE;
  }

  /**
   * The incident a new alert opens: detected when the alert started, with the rule's severity, CIA
   * impact and the alerting system already in its triage, and the monitoring link as its source.
   */
  public static Incident incidentFor(String incidentId, Alert alert, AlertRule rule, Instant now) {
    String system = alert.labels().getOrDefault("system", alert.resource().name());
    Triage initial =
        new Triage(
            null,
            rule.severity(),
            rule.cia(),
            null,
            List.of(system),
            List.of(),
            List.of(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    String title =
        (alert.policyName() != null ? alert.policyName() : rule.signal())
            + ": "
            + alert.resource().name();
    return Incident.fromAlert(
        incidentId,
        title.length() > 200 ? title.substring(0, 200) : title,
        alert.startedAt(),
        now,
        initial,
        alert.url());
  }

  /**
   * What a delivery with an effect records on the alert's own audit chain (alerts keep their own
   * chains, so a storm on one group never queues behind the incident document).
   *
   * @param known the alert as it was known before, or null for a new one
   * @param created whether this alert opened its incident (rather than joining one)
   */
  public static Change recorded(
      Effect effect, AlertRecord known, AlertRecord after, boolean created, Instant now) {
    if (effect == Effect.NONE) {
      throw new IllegalArgumentException("a delivery that changes nothing records nothing");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("state", after.state().name());
    values.put("signal", after.signal());
    values.put("severity", after.severity().name());
    values.put("rule", after.rule());
    values.put("incidentId", after.incidentId());
    values.put("incidentCreated", created);
    String summary =
        "Alert "
            + effect.name().toLowerCase().replace('_', ' ')
            + ": "
            + after.signal()
            + ", "
            + after.severity()
            + (after.incidentId() == null
                ? ", no incident"
                : created ? ", opened " + after.incidentId() : ", incident " + after.incidentId());
    return new Change(
        ChangeType.valueOf("ALERT_" + effect.name()),
        SERVICE,
        now,
        after.incidentId(),
        summary,
        known == null ? null : Map.of("state", known.state().name()),
        values);
  }

  /**
   * The incident's timeline entry of an alert that opened or joined it, at the time the alert
   * started.
   */
  public static Change openedOnTimeline(Alert alert, AlertRecord after, boolean created) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("alert", alert.documentId());
    values.put("signal", after.signal());
    values.put("severity", after.severity().name());
    values.put("url", after.url());
    // Not the notification's summary text: open and closed notifications word it differently, and
    // the
    // entry must read the same whichever of them arrives first. The monitoring link has the
    // details.
    values.put("condition", alert.conditionName());
    return new Change(
        ChangeType.ALERT_OPENED,
        SERVICE,
        after.startedAt(),
        after.incidentId(),
        "Alert opened: "
            + describe(after)
            + (created ? "; it opened this incident" : "; it joined this incident"),
        null,
        values);
  }

  /** The incident's timeline entry of an alert that ended, at the time it ended. */
  public static Change resolvedOnTimeline(Alert alert, AlertRecord after) {
    return new Change(
        ChangeType.ALERT_RESOLVED,
        SERVICE,
        after.endedAt(),
        after.incidentId(),
        "Alert resolved: " + describe(after),
        Map.of("state", "OPEN"),
        Map.of("state", "CLOSED", "alert", alert.documentId()));
  }

  private static String describe(AlertRecord r) {
    return (r.policyName() != null ? r.policyName() : r.signal())
        + " on "
        + r.resourceName()
        + " ("
        + r.signal()
        + ", "
        + r.severity()
        + ")";
  }
}
