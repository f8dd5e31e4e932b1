package org.meldekette.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.meldekette.audit.AuditExport;
import org.meldekette.domain.Actor;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentIds;
import org.meldekette.domain.IncidentRecords;
import org.meldekette.domain.IncidentSource;
import org.meldekette.domain.deadline.Deadline;
import org.meldekette.domain.deadline.IncidentFacts;
import org.meldekette.log.StructuredLog;
import org.meldekette.store.ReminderStore;
import org.meldekette.tasks.ReminderScheduler;
import org.meldekette.testing.Seeds;
import org.meldekette.testing.TestHttp;

/**
 * A backlog of 1,000 long-overdue incidents, whose reminders all went out, must not keep a newer
 * due incident from the sweep: one sweep takes at most 1,000 incidents, and it takes them by the
 * next reminder still to be sent, not by the oldest deadline.
 */
class SweepFairnessTest extends ServedReminders {
  private static final int BACKLOG = 1_000;
  private static final Instant NOW = T0.plus(Duration.ofDays(60));

  @Test
  void aThousandOverdueIncidentsWithTheirRemindersSentDoNotStarveANewerDueOne() throws Exception {
    clock.set(NOW);
    IncidentIds ids = new IncidentIds(clock, new SecureRandom());
    // Reported a month ago and never triaged: the triage clock (24 h) is long overdue.
    List<Incident> backlog = new ArrayList<>();
    for (int i = 0; i < BACKLOG; i++) {
      Instant detected = NOW.minus(Duration.ofDays(30)).plus(Duration.ofMinutes(i));
      backlog.add(Incident.open(ids.next(), "Backlog " + i, IncidentSource.STAFF, null, detected));
    }
    Seeds.incidents(db, backlog, policy());
    recordLatestRemindersSent(backlog);

    // Classified a day and 20 minutes ago: its 48 h reminder of Art. 33 is 20 minutes late, and
    // its task was lost.
    String newer = classifiedBreach(NOW.minus(Duration.ofHours(24)).minus(Duration.ofMinutes(20)));
    clock.set(NOW);
    queue.pending().forEach(task -> queue.delete(task.name()));

    HttpResponse<String> sweep =
        TestHttp.send(
            "POST",
            server.uri("/sweep"),
            (String) null,
            "Authorization",
            "Bearer " + queue.token(SCHEDULER, AUDIENCE));
    assertThat(sweep.statusCode()).as(sweep.body()).isEqualTo(200);
    JsonObject swept = TestHttp.json(sweep);
    assertThat(swept.get("incidents").getAsInt()).as("a full batch").isEqualTo(BACKLOG);
    queue.deliverDue();

    assertThat(messagesAbout(team, newer)).singleElement().asString().contains("in 47 h 40 min");
    assertThat(team)
        .as("the backlog's reminders went out before; none is sent again")
        .isNotEmpty()
        .allMatch(m -> m.contains(newer));
  }

  /**
   * Records the latest reminder of every open deadline of each incident as sent, through the store
   * the function records with, a few at a time.
   */
  private static void recordLatestRemindersSent(List<Incident> incidents) throws Exception {
    ReminderStore reminders =
        new ReminderStore(
            () -> db,
            policy(),
            new AuditExport(
                () -> db,
                exported -> {},
                new StructuredLog("test", new PrintStream(new ByteArrayOutputStream())),
                clock));
    Actor function = Actor.service("deadline-reminder");
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (Incident incident : incidents) {
        List<Deadline> deadlines =
            policy().deadlines(new IncidentFacts(incident, IncidentRecords.NONE));
        for (Deadline.Reminder reminder : ReminderScheduler.due(deadlines, NOW)) {
          if (!reminder.at().isAfter(NOW)) {
            sent.add(
                pool.submit(
                    () -> {
                      reminders.recordSent(reminder.ref(incident.id()), reminder, function, NOW);
                      return null;
                    }));
          }
        }
      }
      for (Future<?> f : sent) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }
}
