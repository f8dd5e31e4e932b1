package org.meldekette.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What posting a notification records on the incident: which channels heard of it (a new incident,
 * a page to on-call), never what they were told.
 */
public final class TeamNotification {
  private TeamNotification() {}

  public static Change sent(
      String incidentId, String notification, List<String> channels, Actor actor, Instant now) {
    return new Change(
        ChangeType.TEAM_NOTIFIED,
        actor,
        now,
        incidentId,
        "Notified: " + String.join(", ", channels),
        null,
        Map.of("notification", notification, "channels", List.copyOf(channels)));
  }
}
