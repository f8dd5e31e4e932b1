package org.meldekette.tasks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A notification for the deadline-reminder function to post: a new incident for the team, a P1 for
 * on-call, or the digest of a channel's busy minute. The name fixes what it is about, so queuing it
 * again (a redelivered alert, a repeated commit) adds nothing.
 *
 * @param window for a channel's digest: the start of the minute it gathers; for the screening
 *     digest: the start of the hour; in epoch seconds
 */
public record NotificationTask(
    String name, Instant scheduleTime, Kind kind, String incidentId, String channel, Long window)
    implements QueuedTask {
  public enum Kind {
    NEW_INCIDENT,
    PAGE,
    DIGEST,
    /** Reports held for screening in a surge: one message for the team per hour they arrive in. */
    SCREENING
  }

  public static NotificationTask newIncident(String incidentId, Instant now) {
    return new NotificationTask(
        incidentId + "-new", now, Kind.NEW_INCIDENT, incidentId, null, null);
  }

  public static NotificationTask page(String incidentId, Instant now) {
    return new NotificationTask(incidentId + "-page", now, Kind.PAGE, incidentId, null, null);
  }

  public static NotificationTask digest(String channel, long window, Instant at) {
    return new NotificationTask(
        "digest-" + channel + "-" + window, at, Kind.DIGEST, null, channel, window);
  }

  /**
   * The digest of reports held for screening: named by the hour, so every held report of an hour
   * queues the same task and the team hears once; it goes out a minute after the first, when the
   * surge has gathered.
   */
  public static NotificationTask screening(Instant heldAt) {
    long hour = heldAt.getEpochSecond() / 3600 * 3600;
    return new NotificationTask(
        "screening-" + hour, heldAt.plusSeconds(60), Kind.SCREENING, null, null, hour);
  }

  @Override
  public String path() {
    return "/tasks/notification";
  }

  @Override
  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", kind.name());
    if (incidentId != null) {
      body.put("incidentId", incidentId);
    }
    if (channel != null) {
      body.put("channel", channel);
    }
    if (window != null) {
      body.put("window", window);
    }
    return body;
  }
}
