package org.meldekette.tasks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A notification for the deadline-reminder function to post: a new incident for the team, a P1 for
 * on-call, or the digest of a channel's busy minute. The name fixes what it is about, so queuing it
 * again (a redelivered alert, a repeated commit) adds nothing.
 *
 * @param window for a digest: the start of the minute it gathers, in epoch seconds
 */
public record NotificationTask(
    String name, Instant scheduleTime, Kind kind, String incidentId, String channel, Long window)
    implements QueuedTask {
  public enum Kind {
    NEW_INCIDENT,
    PAGE,
    DIGEST
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
      body.put("window", window);
    }
    return body;
  }
}
