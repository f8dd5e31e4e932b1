package org.meldekette.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.meldekette.dev.LocalTaskQueue;
import org.meldekette.domain.Actor;
import org.meldekette.domain.Classification;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentIds;
import org.meldekette.domain.IncidentSource;
import org.meldekette.domain.Role;
import org.meldekette.domain.Severity;
import org.meldekette.domain.Triage;
import org.meldekette.domain.lifecycle.TriageRules;
import org.meldekette.tasks.LocalTaskQueueClient;
import org.meldekette.tasks.NotificationTask;
import org.meldekette.testing.Seeds;

/**
 * The team hears at once, end to end through the local task queue: a new incident is posted once
 * however often its task is delivered, a P1 pages on-call once, and a storm becomes a digest per
 * channel and minute with every incident in it exactly once.
 */
class NotificationsTest extends ServedReminders {
  private static final Pattern INCIDENT_ID = Pattern.compile("INC-\\d{8}-[0-9A-Z]{6}");

  private static LocalTaskQueueClient tasks() {
    return new LocalTaskQueueClient(queue.url(), reminderUrl, AUDIENCE);
  }

  private static List<String> open(int count, IncidentSource source, Severity severity) {
    IncidentIds ids = new IncidentIds(clock, new SecureRandom());
    List<Incident> incidents = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Incident incident =
          Incident.open(ids.next(), "Secret title " + i, source, null, clock.instant());
      if (severity != null) {
        incident =
            TriageRules.triage(
                    incident,
                    Triage.Input.classified(Classification.INCIDENT, severity, null),
                    Actor.staff("responder@meldekette.test", Role.RESPONDER),
                    clock.instant())
                .incident();
      }
      incidents.add(incident);
    }
    Seeds.incidents(db, incidents, policy());
    return incidents.stream().map(Incident::id).toList();
  }

  private static LocalTaskQueue.Task pendingTask(String name) {
    return queue.pending().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  private static long notifiedEntries(String id) throws Exception {
    return db.collection("incidents")
        .document(id)
        .collection("timeline")
        .whereEqualTo("type", "TEAM_NOTIFIED")
        .get()
        .get()
        .size();
  }

  @Test
  void aNewIncidentIsPostedOnceHoweverOftenItsTaskIsDelivered() throws Exception {
    clock.set(T0.plus(Duration.ofDays(200)));
    String id = open(1, IncidentSource.REPORT, null).get(0);
    tasks().create(NotificationTask.newIncident(id, clock.instant()));
    LocalTaskQueue.Task task = pendingTask(id + "-new");
    for (int i = 0; i < 3; i++) {
      assertThat(queue.deliver(task)).isTrue();
    }
    assertThat(team)
        .singleElement()
        .asString()
        .contains("New incident: " + id)
        .contains("reported through the form")
        .contains("not yet triaged")
        .contains("https://incidents.meldekette.test/incidents/" + id)
        .doesNotContain("Secret title");
    assertThat(notifiedEntries(id)).isEqualTo(1);
    assertThat(onCall).isEmpty();
  }

  @Test
  void aP1PagesOnCallOnceUnderTripleDelivery() throws Exception {
    clock.set(T0.plus(Duration.ofDays(201)));
    String id = open(1, IncidentSource.ALERT, Severity.P1).get(0);
    tasks().create(NotificationTask.page(id, clock.instant()));
    tasks().create(NotificationTask.page(id, clock.instant())); // queued again: one task
    LocalTaskQueue.Task task = pendingTask(id + "-page");
    for (int i = 0; i < 3; i++) {
      queue.deliver(task);
    }
    assertThat(onCall)
        .singleElement()
        .asString()
        .contains("P1 incident " + id)
        .contains("from a monitoring alert")
        .contains("severity P1");
  }

  @Test
  void aStormOfSeventyNewIncidentsIsTenMessagesAndADigestWithEveryIncidentOnce() throws Exception {
    clock.set(T0.plus(Duration.ofDays(202)).plusSeconds(5));
    List<String> ids = open(70, IncidentSource.ALERT, Severity.P3);
    LocalTaskQueueClient tasks = tasks();
    for (String id : ids) {
      tasks.create(NotificationTask.newIncident(id, clock.instant()));
    }
    queue.deliverDue();
    assertThat(team).hasSize(10).allMatch(m -> m.contains("New incident: "));

    long window = clock.instant().getEpochSecond() / 60 * 60;
    clock.set(Instant.ofEpochSecond(window + 65));
    queue.deliverDue();
    List<String> digests = team.stream().filter(m -> m.contains("digest")).toList();
    assertThat(digests)
        .as("60 in the digest, 50 to a message")
        .hasSize(2)
        .first()
        .asString()
        .contains("60 incidents, 1–50");
    List<String> mentioned = new ArrayList<>();
    for (String message : team) {
      // An incident's ID is in its line and in its link: counted once per message.
      java.util.Set<String> inMessage = new java.util.LinkedHashSet<>();
      Matcher matcher = INCIDENT_ID.matcher(text(message));
      while (matcher.find()) {
        inMessage.add(matcher.group());
      }
      mentioned.addAll(inMessage);
    }
    assertThat(mentioned).containsExactlyInAnyOrderElementsOf(ids);

    queue.deliverDue();
    assertThat(team).as("the digest is posted once").hasSize(12);
  }

  private static String text(String webhookBody) {
    JsonObject body = JsonParser.parseString(webhookBody).getAsJsonObject();
    return body.get("text").getAsString();
  }

  @Test
  void reportsHeldInASurgeAreOneDigestPerHourHoweverManyTasksNameIt() throws Exception {
    clock.set(T0.plus(Duration.ofDays(203)));
    IncidentIds ids = new IncidentIds(clock, new SecureRandom());
    List<Incident> held = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      held.add(
          Incident.open(ids.next(), "Flood " + i, IncidentSource.REPORT, null, clock.instant())
              .withHeld(true, clock.instant()));
    }
    Seeds.incidents(db, held, policy());
    LocalTaskQueueClient tasks = tasks();
    for (int i = 0; i < 12; i++) {
      tasks.create(NotificationTask.screening(clock.instant().plusSeconds(i)));
    }
    NotificationTask digest = NotificationTask.screening(clock.instant());
    LocalTaskQueue.Task task = pendingTask(digest.name());
    int before = team.size();
    for (int i = 0; i < 3; i++) {
      queue.deliver(task);
    }

    assertThat(team.subList(before, team.size()))
        .singleElement()
        .asString()
        .contains("Reports held for screening: 12 reports")
        .contains("https://incidents.meldekette.test/screening")
        .doesNotContain("Flood");
  }
}
