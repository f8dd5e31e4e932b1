package org.meldekette.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.firestore.Firestore;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.meldekette.dev.LocalTaskQueue;
import org.meldekette.domain.RiskLevel;
import org.meldekette.store.AuditTrail;
import org.meldekette.store.IncidentStore;
import org.meldekette.testing.DatabaseContents;
import org.meldekette.testing.FirestoreEmulator;
import org.meldekette.testing.TestHttp;

/**
 * Cloud Tasks and Cloud Scheduler deliver at least once. A high-risk breach's whole run of
 * reminders (Art. 33 and Art. 34, before, at and long after their deadlines, with escalation) and
 * sweeps every six hours beside them, every task and every sweep delivered three times, end in the
 * same database, the same chat messages and the same single audit event per effect as each
 * delivered once.
 */
class TaskReplayTest extends ServedReminders {

  @AfterEach
  void backToTheClassDatabase() {
    DeadlineReminderUnderTest.db = db;
  }

  @Test
  void everyTaskAndEverySweepDeliveredThreeTimesEndsAsDeliveredOnce() throws Exception {
    Run once = run(1);
    Run thrice = run(3);

    assertThat(once.messages())
        .anyMatch(m -> m.contains("Art. 33"))
        .anyMatch(m -> m.contains("OVERDUE"));
    assertThat(once.escalations()).isNotEmpty();
    assertThat(thrice.messages()).isEqualTo(once.messages());
    assertThat(thrice.escalations()).isEqualTo(once.escalations());
    assertThat(once.documents().keySet()).anyMatch(path -> path.startsWith("audit-events/"));
    assertThat(thrice.documents()).isEqualTo(once.documents());
  }

  /**
   * What a run leaves: the chat messages in order and every document, with the incident ID as
   * "INC".
   */
  private record Run(
      List<String> messages, List<String> escalations, Map<String, String> documents) {}

  private static Run run(int deliveries) throws Exception {
    Firestore database = FirestoreEmulator.shared().newDatabase();
    DeadlineReminderUnderTest.db = database;
    IncidentStore incidents = storeOn(database);
    team.clear();
    escalation.clear();
    String id = classifiedBreach(database, incidents, T0, RiskLevel.HIGH);

    for (Instant now = T0;
        !now.isAfter(T0.plus(Duration.ofHours(100)));
        now = now.plus(Duration.ofHours(6))) {
      clock.set(now);
      Instant at = now;
      for (LocalTaskQueue.Task task : queue.pending()) {
        if (task.name().startsWith(id) && !task.scheduleTime().isAfter(at)) {
          for (int i = 0; i < deliveries; i++) {
            assertThat(queue.deliver(task)).as(task.name()).isTrue();
          }
        }
      }
      for (int i = 0; i < deliveries; i++) {
        HttpResponse<String> sweep =
            TestHttp.send(
                "POST",
                server.uri("/sweep"),
                (String) null,
                "Authorization",
                "Bearer " + queue.token(SCHEDULER, AUDIENCE));
        assertThat(sweep.statusCode()).as(sweep.body()).isEqualTo(200);
      }
    }

    assertThat(new AuditTrail(database).verify("incidents/" + id).intact()).isTrue();
    // Hashes cover the incident ID, which differs between the runs; the chain itself was just
    // verified.
    Map<String, String> documents = new TreeMap<>();
    for (String path : DatabaseContents.documentPaths(database)) {
      Map<String, Object> fields = new TreeMap<>(database.document(path).get().get().getData());
      fields.keySet().removeAll(List.of("hash", "previousHash", "auditHash"));
      documents.put(path.replace(id, "INC"), String.valueOf(fields).replace(id, "INC"));
    }
    database.close();
    return new Run(about(team, id), about(escalation, id), documents);
  }

  private static List<String> about(List<String> channel, String id) {
    return channel.stream().filter(m -> m.contains(id)).map(m -> m.replace(id, "INC")).toList();
  }
}
