package org.meldekette.reminders;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.Incident;
import org.meldekette.domain.NotFound;
import org.meldekette.notify.WebhookNotifier;
import org.meldekette.store.NotificationStore;
import org.meldekette.tasks.NotificationTask;
import org.meldekette.tasks.TaskQueue;

/**
 * Posts what the team must hear at once: a new incident to the team's channels, a P1 to on-call.
 * Each is claimed before and recorded after posting, so a task delivered twice posts once. Beyond
 * {@code perMinute} messages in a channel's minute, new incidents go into that minute's digest,
 * posted once the minute is over, so an alert storm is one message per channel and minute with
 * every incident in it. Texts carry the incident's ID, source, severity and link; never a title or
 * anything people typed.
 */
final class NotificationDelivery {
  /** How many incidents one digest message lists; a longer digest is split. */
  static final int DIGEST_LINES_PER_MESSAGE = 50;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /**
   * Where notifications go: the team's channels (new incidents), on-call (P1), on-call's format
   * ({@code chat} or {@code pagerduty-events-v2}), the rate beyond which messages are digested.
   */
  record Channels(
      List<String> team,
      List<String> onCall,
      String onCallFormat,
      int perMinute,
      String linkBase) {}

  enum Result {
    SENT,
    ALREADY_SENT,
    IN_PROGRESS,
    NOT_NEEDED
  }

  private final NotificationStore store;
  private final WebhookNotifier notifier;
  private final TaskQueue queue;
  private final Clock clock;
  private final Channels channels;

  NotificationDelivery(
      NotificationStore store,
      WebhookNotifier notifier,
      TaskQueue queue,
      Clock clock,
      Channels channels) {
    this.store = store;
    this.notifier = notifier;
    this.queue = queue;
    this.clock = clock;
    this.channels = channels;
  }

  Result deliver(NotificationTask.Kind kind, String incidentId, String channel, Long window)
      throws Exception {
    return switch (kind) {
      case NEW_INCIDENT ->
          claimed("new-" + incidentId, incidentId, channels.team(), this::announce);
      case PAGE -> claimed("page-" + incidentId, incidentId, channels.onCall(), this::page);
      case DIGEST -> digest(channel, window);
      case SCREENING -> screening(window);
    };
  }

  @FunctionalInterface
  private interface Posting {
    void post(Incident incident, Instant now) throws Exception;
  }

  private Result claimed(String key, String incidentId, List<String> to, Posting posting)
      throws Exception {
    Instant now = clock.instant();
    switch (store.claim(key, now)) {
      case ALREADY_SENT -> {
        return Result.ALREADY_SENT;
      }
      case IN_PROGRESS -> {
        return Result.IN_PROGRESS;
      }
      case CLAIMED -> {
        // posted below
      }
    }
    Incident incident;
    try {
      incident = store.incident(incidentId);
    } catch (NotFound gone) {
      store.release(key);
      return Result.NOT_NEEDED;
    }
    try {
      posting.post(incident, now);
    } catch (Exception e) {
      store.release(key); // for the retry Cloud Tasks makes
      throw e;
    }
    store.recordSent(key, incidentId, to, ReminderDelivery.SERVICE, now);
    return Result.SENT;
  }

  private void announce(Incident incident, Instant now) throws Exception {
    String line = line(incident);
    for (String channel : channels.team()) {
      NotificationStore.Admission admission = store.admit(channel, line, channels.perMinute(), now);
      if (admission.postNow()) {
        notifier.send(List.of(channel), "New incident: " + line);
      } else if (admission.digestStarted()) {
        queue.create(
            NotificationTask.digest(
                channel, admission.window(), Instant.ofEpochSecond(admission.window() + 65)));
      }
    }
  }

  private void page(Incident incident, Instant now) throws Exception {
    String summary = "P1 incident " + line(incident);
    for (String channel : channels.onCall()) {
      if (channels.onCallFormat().equals("pagerduty-events-v2")) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("summary", summary);
        payload.put("source", "meldekette");
        payload.put("severity", "critical");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("routing_key", notifier.secret(channel + "-routing-key"));
        event.put("event_action", "trigger");
        // The same key for every delivery: the events API opens one alert, however often it
        // hears.
        event.put("dedup_key", "meldekette-" + incident.id());
        event.put("payload", payload);
        notifier.post(channel, event);
      } else {
        notifier.send(List.of(channel), summary);
      }
    }
  }

  private Result digest(String channel, long window) throws Exception {
    List<String> lines = store.claimDigest(channel, window, clock.instant());
    if (lines.isEmpty()) {
      return Result.NOT_NEEDED;
    }
    try {
      for (int from = 0; from < lines.size(); from += DIGEST_LINES_PER_MESSAGE) {
        List<String> part =
            lines.subList(from, Math.min(lines.size(), from + DIGEST_LINES_PER_MESSAGE));
        notifier.send(List.of(channel), digestText(window, lines.size(), from, part));
      }
    } catch (Exception e) {
      store.digestDone(channel, window, false);
      throw e;
    }
    store.digestDone(channel, window, true);
    return Result.SENT;
  }

  /**
   * The digest of a surge: how many reports wait to be screened, and where. Sent once per hour they
   * arrive in, whatever the number of tasks that named it.
   */
  private Result screening(long hour) throws Exception {
    String key = "screening-" + hour;
    Instant now = clock.instant();
    switch (store.claim(key, now)) {
      case ALREADY_SENT -> {
        return Result.ALREADY_SENT;
      }
      case IN_PROGRESS -> {
        return Result.IN_PROGRESS;
      }
      case CLAIMED -> {
        // posted below
      }
    }
    long held = store.heldForScreening();
    try {
      if (held > 0) {
        String link = channels.linkBase() == null ? "" : " · " + channels.linkBase() + "/screening";
        notifier.send(
            channels.team(),
            "Reports held for screening: "
                + held
                + (held == 1 ? " report" : " reports")
                + " came in beyond the system-wide rate since "
                + TIME.format(Instant.ofEpochSecond(hour))
                + ". They are kept, no clock runs; screen them in or out"
                + link);
      }
    } catch (Exception e) {
      store.release(key);
      throw e;
    }
    store.markSent(key, now);
    return held > 0 ? Result.SENT : Result.NOT_NEEDED;
  }

  private String digestText(long window, int total, int from, List<String> part) {
    StringBuilder text =
        new StringBuilder("New incidents, digest of ")
            .append(TIME.format(Instant.ofEpochSecond(window)))
            .append("–")
            .append(TIME.format(Instant.ofEpochSecond(window + 60)))
            .append(" (more than ")
            .append(channels.perMinute())
            .append(" a minute are gathered): ")
            .append(total)
            .append(total == 1 ? " incident" : " incidents");
    if (total > part.size()) {
      text.append(", ").append(from + 1).append("–").append(from + part.size());
    }
    List<String> items = new ArrayList<>();
    part.forEach(line -> items.add("\n• " + line));
    return text.append(String.join("", items)).toString();
  }

  /** One incident in one line: ID, where it came from, severity, link. */
  private String line(Incident incident) {
    String severity =
        incident.triage() == null || incident.triage().severity() == null
            ? "not yet triaged"
            : "severity " + incident.triage().severity();
    String source =
        switch (incident.source()) {
          case REPORT -> "reported through the form";
          case ALERT -> "from a monitoring alert";
          case STAFF -> "opened by staff";
        };
    String link =
        channels.linkBase() == null
            ? ""
            : " · " + channels.linkBase() + "/incidents/" + incident.id();
    return incident.id() + " · " + source + " · " + severity + link;
  }
}
