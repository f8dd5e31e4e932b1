package org.meldekette.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meldekette.dev.LocalTaskQueue;
import org.meldekette.domain.Actor;
import org.meldekette.domain.EffectivenessResult;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentIds;
import org.meldekette.domain.IncidentSource;
import org.meldekette.domain.Measure;
import org.meldekette.domain.MeasureStatus;
import org.meldekette.domain.MeasureType;
import org.meldekette.domain.Role;
import org.meldekette.domain.lifecycle.RecordRules;
import org.meldekette.log.StructuredLog;
import org.meldekette.store.IncidentStore;
import org.meldekette.tasks.IsmsActionAnnouncer;
import org.meldekette.tasks.LocalTaskQueueClient;
import org.meldekette.testing.Seeds;

/**
 * Measures reach the ISMS as actions: the lifecycle side queues an action after each committed
 * change of a measure, deadline-reminder posts it to the ISMS's webhook once however often the task
 * arrives, a later change (the effectiveness check) posts again, a containment measure never.
 */
class IsmsActionsWebhookTest extends ServedReminders {
  private static final Actor RESPONDER = Actor.staff("responder@meldekette.test", Role.RESPONDER);

  private static List<LocalTaskQueue.Task> ismsTasks() {
    return queue.pending().stream().filter(t -> t.name().startsWith("isms-")).toList();
  }

  @Test
  void aMeasureIsPostedOnceAndAgainWhenItChangesButAContainmentNever() throws Exception {
    clock.set(T0.plus(Duration.ofDays(300)));
    IncidentStore lifecycle =
        new IncidentStore(
            db,
            policy(),
            new IsmsActionAnnouncer(
                new LocalTaskQueueClient(queue.url(), reminderUrl, AUDIENCE),
                new StructuredLog("test", new PrintStream(new ByteArrayOutputStream())),
                clock));
    String id = new IncidentIds(clock, new SecureRandom()).next();
    Seeds.incident(
        db,
        Incident.open(id, "Secret title", IncidentSource.REPORT, null, clock.instant()),
        policy());
    Measure fix =
        Measure.added(
            "MSR-ISMS000001",
            MeasureType.CORRECTIVE,
            null,
            "Patch the VPN gateway",
            "it@x.test",
            clock.instant().plus(Duration.ofDays(7)),
            MeasureStatus.PLANNED,
            "A.8.8",
            RESPONDER.id(),
            clock.instant());
    lifecycle.updateCurrent(
        id,
        (tx, incident) -> {
          tx.createMeasure(fix);
          return tx.apply(RecordRules.measureAdded(incident, fix, RESPONDER, clock.instant()));
        });
    List<LocalTaskQueue.Task> queued = ismsTasks();
    assertThat(queued).hasSize(1);
    for (int i = 0; i < 3; i++) {
      queue.deliver(queued.get(0));
    }
    assertThat(isms).hasSize(1);
    JsonObject action =
        JsonParser.parseString(isms.get(0)).getAsJsonObject().getAsJsonObject("action");
    assertThat(action.get("actionId").getAsString()).isEqualTo("MSR-ISMS000001");
    assertThat(action.get("controls").getAsString()).isEqualTo("A.5.25 A.5.26 A.5.27 A.6.8 A.8.8");
    assertThat(action.get("owner").getAsString()).isEqualTo("it@x.test");
    assertThat(isms.get(0)).doesNotContain("Secret title");

    // The effectiveness review is a change: the ISMS hears it.
    lifecycle.updateCurrent(
        id,
        (tx, incident) -> {
          Measure before = tx.measure(fix.id()).orElseThrow();
          Measure checked =
              before.with(
                  new Measure.Changes(
                      null,
                      null,
                      null,
                      MeasureStatus.DONE,
                      EffectivenessResult.EFFECTIVE,
                      "Rescan clean"),
                  RESPONDER.id(),
                  clock.instant());
          tx.updateMeasure(checked);
          return tx.apply(
              RecordRules.measureChanged(incident, before, checked, RESPONDER, clock.instant()));
        });
    queue.deliverDue();
    assertThat(isms).hasSize(2);
    assertThat(isms.get(1)).contains("\"effectiveness\":\"EFFECTIVE\"", "Rescan clean");

    Measure block =
        Measure.added(
            "MSR-ISMS000002",
            MeasureType.CONTAINMENT,
            null,
            "Block the source address",
            null,
            null,
            MeasureStatus.DONE,
            null,
            RESPONDER.id(),
            clock.instant());
    lifecycle.updateCurrent(
        id,
        (tx, incident) -> {
          tx.createMeasure(block);
          return tx.apply(RecordRules.measureAdded(incident, block, RESPONDER, clock.instant()));
        });
    queue.deliverDue();
    assertThat(isms).as("a containment measure is no ISMS action").hasSize(2);
  }
}
