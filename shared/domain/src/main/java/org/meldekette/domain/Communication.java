package org.meldekette.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An outgoing communication about an incident, recorded after legal sign-off.
 *
 * @param notification for the supervisory authority: the initial notification or a supplementary
 *     one
 * @param stage the regulatory stage it fulfils ({@code NIS2/EARLY_WARNING}), or null
 * @param delayReasons why it went out after its deadline, when it did
 * @param factsSent for an authority notification: what the notification stated, so a later
 *     supplementary notification can say what changed since
 * @param timeJustification why {@code sentAt} lies further from the moment it was recorded than the
 *     tolerance (a letter posted yesterday, say)
 */
public record Communication(
    String id,
    Audience audience,
    String channel,
    String summary,
    Instant sentAt,
    Notification notification,
    String stage,
    String delayReasons,
    String recordedBy,
    Instant recordedAt,
    Map<String, Object> factsSent,
    String timeJustification) {

  /**
   * How far a stated sending time may lie from the moment it is recorded without a justification.
   */
  public static final java.time.Duration TIME_TOLERANCE = java.time.Duration.ofMinutes(10);

  public enum Notification {
    INITIAL,
    SUPPLEMENTARY
  }

  public Communication {
    Objects.requireNonNull(id, "id");
    if (audience == null) {
      throw new InvalidInput("audience", "REQUIRED", "audience is required");
    }
    channel = Text.required("channel", channel, 200, false);
    summary = Text.required("summary", summary, 5_000, true);
    if (sentAt == null) {
      throw new InvalidInput("sentAt", "REQUIRED", "sentAt is required");
    }
    timeJustification = Text.optional("timeJustification", timeJustification, 2_000, true);
    if (audience == Audience.SUPERVISORY_AUTHORITY && notification == null) {
      throw new InvalidInput(
          "notification",
          "REQUIRED",
          "a notification to the authority is INITIAL or SUPPLEMENTARY");
    }
    if (audience != Audience.SUPERVISORY_AUTHORITY && notification != null) {
      throw new InvalidInput(
          "notification", "NOT_APPLICABLE", "notification applies to the supervisory authority");
    }
    delayReasons = Text.optional("delayReasons", delayReasons, 5_000, true);
    // Facts not known yet are null, which Map.copyOf refuses.
    factsSent =
        factsSent == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(factsSent));
  }

  /**
   * Checks the stated sending time against the moment it is recorded: never further ahead than the
   * tolerance (a clock running fast), and further back only with a justification, so the deadlines
   * it meets are judged by a time someone stood up for.
   */
  public Communication checkedTime() {
    if (sentAt.isAfter(recordedAt.plus(TIME_TOLERANCE))) {
      throw new InvalidInput("sentAt", "IN_FUTURE", "sentAt lies in the future");
    }
    if (sentAt.isBefore(recordedAt.minus(TIME_TOLERANCE)) && timeJustification == null) {
      throw new InvalidInput(
          "timeJustification",
          "REQUIRED",
          "sentAt lies more than "
              + TIME_TOLERANCE.toMinutes()
              + " minutes before it is recorded: say why it is recorded only now");
    }
    return this;
  }

  /**
   * What this communication meets in the deadline policy: {@code communication:AUDIENCE[/KIND]} and
   * its stage.
   */
  public String satisfier() {
    return "communication:"
        + audience.name()
        + (notification == null ? "" : "/" + notification.name());
  }
}
