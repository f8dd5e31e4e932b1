package org.meldekette.domain.alert;

/**
 * What a notification does to an alert, given what is already known of it. Notifications may come twice
 * and in any order; every order ends in the same state: an alert is opened once, resolved once, and an
 * "open" that arrives after its own "closed" changes nothing.
 */
public final class AlertTriage {
  private AlertTriage() {}

  public enum Effect {
    /** A new alert that is open. */
    OPENED,
    /** A new alert whose first notification says it is already over: opened and resolved at once. */
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
}
