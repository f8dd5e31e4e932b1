package org.meldekette.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.meldekette.dev.LocalTaskQueue;
import org.meldekette.domain.Actor;
import org.meldekette.domain.Approval;
import org.meldekette.domain.Audience;
import org.meldekette.domain.Communication;
import org.meldekette.domain.Decision;
import org.meldekette.domain.DecisionType;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentIds;
import org.meldekette.domain.IncidentSource;
import org.meldekette.domain.RegimeTrigger;
import org.meldekette.domain.Role;
import org.meldekette.domain.lifecycle.CommunicationRules;
import org.meldekette.domain.lifecycle.MilestoneRules;
import org.meldekette.domain.lifecycle.Outcome;
import org.meldekette.domain.lifecycle.RecordRules;
import org.meldekette.testing.Seeds;
import org.meldekette.testing.TestHttp;

/**
 * The GDPR clocks end to end on the emulator: a change classifies a breach and its reminders are
 * queued (as the lifecycle function queues them); the local task queue delivers them, some twice,
 * to the deadline-reminder function; a local webhook receives exactly one message per reminder;
 * reminders run until the notification itself is recorded; and the sweep re-sends a reminder whose
 * task was deleted.
 */
class RemindersEndToEndTest extends ServedReminders {

  @Test
  void eachReminderArrivesOnceEvenWhenDeliveredTwiceAndRemindersRunUntilTheNotificationIsSent()
      throws Exception {
    String id = classifiedBreach(T0);
    Instant due = T0.plus(Duration.ofHours(72));
    assertThat(queue.pending())
        .extracting(LocalTaskQueue.Task::name)
        .contains(
            id + "-GDPR-ART33-before-48h-" + due.getEpochSecond(),
            id + "-GDPR-ART33-before-24h-" + due.getEpochSecond(),
            id + "-GDPR-ART33-before-6h-" + due.getEpochSecond(),
            id + "-GDPR-ART33-due-" + due.getEpochSecond(),
            id + "-GDPR-ART33-overdue-1-" + due.getEpochSecond());

    // The 48 h reminder, delivered twice (Cloud Tasks delivers at least once).
    clock.set(due.minus(Duration.ofHours(48)));
    LocalTaskQueue.Task first =
        queue.pending().stream()
            .filter(t -> t.name().startsWith(id + "-GDPR-ART33-before-48h"))
            .findFirst()
            .orElseThrow();
    assertThat(queue.deliver(first)).isTrue();
    assertThat(queue.deliver(first)).isTrue();
    assertThat(messagesAbout(team, id)).hasSize(1);
    assertThat(messagesAbout(team, id).get(0))
        .contains("due 2026-11-23 09:00 UTC (in 48 h 0 min)")
        .contains("https://incidents.meldekette.test/incidents/" + id);
    assertThat(escalation).isEmpty();

    at(due.minus(Duration.ofHours(24)));
    assertThat(messagesAbout(team, id)).hasSize(2);

    store.update(
        id,
        2,
        Seeds.SETUP,
        (tx, incident) -> {
          Decision decision =
              new Decision(
                  "DEC-0000000001",
                  DecisionType.NOTIFY_AUTHORITY,
                  "Contact data exposed.",
                  LEGAL.id(),
                  Role.LEGAL,
                  clockNow(),
                  null,
                  null,
                  null);
          Outcome logged =
              RecordRules.decisionLogged(incident, tx.records(), decision, LEGAL, clockNow());
          tx.createDecision(decision);
          return tx.apply(logged);
        });
    // Deciding to notify does not meet Art. 33(1): the notification does. Reminders go on, saying
    // so.
    at(due.minus(Duration.ofHours(6)));
    assertThat(messagesAbout(team, id)).hasSize(3);
    assertThat(messagesAbout(team, id).get(2)).contains("decided, not yet sent");
    notifyAuthority(id);
    at(due);
    at(due.plus(Duration.ofHours(13)));
    assertThat(messagesAbout(team, id))
        .as("the notification is recorded: no more reminders")
        .hasSize(3);
    assertThat(messagesAbout(escalation, id)).isEmpty();

    long art33RemindersOnTimeline =
        db
            .collection("incidents")
            .document(id)
            .collection("timeline")
            .whereEqualTo("type", "REMINDER_SENT")
            .get()
            .get()
            .getDocuments()
            .stream()
            .filter(d -> d.getString("summary").contains("Art. 33:"))
            .count();
    assertThat(art33RemindersOnTimeline).isEqualTo(3);
  }

  /** Legal signs off the authority and the notification is recorded as sent now. */
  private static void notifyAuthority(String id) throws Exception {
    long version = queries.get(id).version();
    store.update(
        id,
        version,
        Seeds.SETUP,
        (tx, incident) -> {
          Approval approval =
              new Approval(
                  "APR-0000000009", Audience.SUPERVISORY_AUTHORITY, null, LEGAL.id(), clockNow());
          tx.createApproval(approval);
          return tx.apply(
              CommunicationRules.approvalRecorded(incident, approval, LEGAL, clockNow()));
        });
    store.update(
        id,
        version + 1,
        Seeds.SETUP,
        (tx, incident) -> {
          Communication notification =
              new Communication(
                  "COM-0000000009",
                  Audience.SUPERVISORY_AUTHORITY,
                  "authority portal",
                  "Initial notification",
                  clockNow(),
                  Communication.Notification.INITIAL,
                  null,
                  null,
                  LEGAL.id(),
                  clockNow(),
                  null,
                  null);
          Outcome recorded =
              CommunicationRules.communicationRecorded(
                  incident, tx.approvals(), notification, LEGAL, clockNow());
          tx.createCommunication(notification);
          return tx.apply(recorded);
        });
  }

  @Test
  void anOverdueArticle33ReminderEscalatesToTheDpoAndManagementChannel() throws Exception {
    Instant classified = T0.plus(Duration.ofDays(10));
    String id = classifiedBreach(classified);
    Instant due = classified.plus(Duration.ofHours(72));
    at(due.plus(Duration.ofHours(12)));

    assertThat(messagesAbout(escalation, id))
        .singleElement()
        .asString()
        .contains("OVERDUE")
        .contains("escalated to the DPO and management")
        .contains("(12 h 0 min ago)");
    assertThat(messagesAbout(team, id)).anyMatch(m -> m.contains("OVERDUE"));
    // The next overdue reminder was queued by the one just sent.
    assertThat(queue.pending())
        .extracting(LocalTaskQueue.Task::name)
        .contains(id + "-GDPR-ART33-overdue-2-" + due.getEpochSecond());
  }

  @Test
  void theSweepResendsAReminderWhoseTaskWasDeleted() throws Exception {
    Instant classified = T0.plus(Duration.ofDays(20));
    String id = classifiedBreach(classified);
    Instant due = classified.plus(Duration.ofHours(72));
    String lost = id + "-GDPR-ART33-before-48h-" + due.getEpochSecond();
    assertThat(queue.delete(lost)).isTrue();

    at(due.minus(Duration.ofHours(48)).plus(Duration.ofMinutes(20)));
    assertThat(messagesAbout(team, id)).isEmpty();

    HttpResponse<String> sweep =
        TestHttp.send(
            "POST",
            server.uri("/sweep"),
            (String) null,
            "Authorization",
            "Bearer " + queue.token(SCHEDULER, AUDIENCE));
    assertThat(sweep.statusCode()).as(sweep.body()).isEqualTo(200);
    assertThat(TestHttp.json(sweep).get("incidents").getAsInt()).isGreaterThanOrEqualTo(1);
    queue.deliverDue();
    assertThat(messagesAbout(team, id)).singleElement().asString().contains("in 47 h 40 min");

    // Another sweep finds the reminder sent and sends nothing again.
    TestHttp.send(
        "POST",
        server.uri("/sweep"),
        (String) null,
        "Authorization",
        "Bearer " + queue.token(SCHEDULER, AUDIENCE));
    queue.deliverDue();
    assertThat(messagesAbout(team, id)).hasSize(1);
  }

  @Test
  void markingAnIncidentSignificantSchedulesTheNis2RemindersAndTheEarlyWarningStopsOnlyItsOwn()
      throws Exception {
    Instant aware = T0.plus(Duration.ofDays(30));
    String id = new IncidentIds(clock, new SecureRandom()).next();
    Seeds.incident(db, Incident.open(id, "t", IncidentSource.STAFF, null, aware), policy());
    clock.set(aware.plus(Duration.ofHours(1)));
    store.update(
        id,
        1,
        Seeds.SETUP,
        (tx, incident) ->
            tx.apply(
                MilestoneRules.regimeTriggered(
                    incident,
                    "NIS2",
                    new RegimeTrigger(clockNow(), aware, RESPONDER.id(), null, null),
                    RESPONDER,
                    clockNow())));
    long earlyWarningDue = aware.plus(Duration.ofHours(24)).getEpochSecond();
    long notificationDue = aware.plus(Duration.ofHours(72)).getEpochSecond();
    assertThat(queue.pending())
        .extracting(LocalTaskQueue.Task::name)
        .contains(
            id + "-NIS2-EARLY_WARNING-before-12h-" + earlyWarningDue,
            id + "-NIS2-EARLY_WARNING-due-" + earlyWarningDue,
            id + "-NIS2-INCIDENT_NOTIFICATION-before-24h-" + notificationDue);

    at(aware.plus(Duration.ofHours(12)));
    assertThat(team).filteredOn(m -> m.contains(id) && m.contains("early warning")).hasSize(1);

    Actor legal = Actor.staff("legal@meldekette.test", Role.LEGAL);
    store.update(
        id,
        2,
        Seeds.SETUP,
        (tx, incident) -> {
          Approval approval =
              new Approval(
                  "APR-0000000001", Audience.COMPETENT_AUTHORITY, null, legal.id(), clockNow());
          tx.createApproval(approval);
          return tx.apply(
              CommunicationRules.approvalRecorded(incident, approval, legal, clockNow()));
        });
    store.update(
        id,
        3,
        Seeds.SETUP,
        (tx, incident) -> {
          Communication warning =
              new Communication(
                  "COM-0000000001",
                  Audience.COMPETENT_AUTHORITY,
                  "CSIRT portal",
                  "Early warning: suspected ransomware, no cross-border impact.",
                  clockNow(),
                  null,
                  "NIS2/EARLY_WARNING",
                  null,
                  legal.id(),
                  clockNow(),
                  null,
                  null);
          Outcome recorded =
              CommunicationRules.communicationRecorded(
                  incident, tx.approvals(), warning, legal, clockNow());
          tx.createCommunication(warning);
          return tx.apply(recorded);
        });

    at(aware.plus(Duration.ofHours(20)));
    at(aware.plus(Duration.ofHours(24)));
    at(aware.plus(Duration.ofHours(31)));
    assertThat(team).filteredOn(m -> m.contains(id) && m.contains("early warning")).hasSize(1);
    at(aware.plus(Duration.ofHours(48)));
    assertThat(team)
        .filteredOn(m -> m.contains(id) && m.contains("incident notification"))
        .hasSize(1);
  }

  @Test
  void onlyTheConfiguredServiceAccountsMayCall() {
    assertThat(TestHttp.send("POST", server.uri("/sweep"), (String) null).statusCode())
        .isEqualTo(401);
    assertThat(
            TestHttp.send(
                    "POST",
                    server.uri("/sweep"),
                    (String) null,
                    "Authorization",
                    "Bearer " + queue.token(TASKS, AUDIENCE))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            TestHttp.send(
                    "POST",
                    server.uri("/tasks/reminder"),
                    "{}",
                    "Content-Type",
                    "application/json",
                    "Authorization",
                    "Bearer " + queue.token(SCHEDULER, AUDIENCE))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            TestHttp.send(
                    "POST",
                    server.uri("/sweep"),
                    (String) null,
                    "Authorization",
                    "Bearer " + queue.token(SCHEDULER, "https://another.audience"))
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void aTaskThatNamesNoDueTimeIsRefusedAsBadInput() {
    var answer =
        TestHttp.send(
            "POST",
            server.uri("/tasks/reminder"),
            "{\"incidentId\":\"INC-20261120-AAAAAA\",\"regime\":\"GDPR\",\"stage\":\"ART33\",\"kind\":\"due\"}",
            "Content-Type",
            "application/json",
            "Authorization",
            "Bearer " + queue.token(TASKS, AUDIENCE));
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(TestHttp.json(answer).getAsJsonObject("error").get("field").getAsString())
        .isEqualTo("dueAt");
  }
}
