package org.meldekette.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentIds;
import org.meldekette.domain.IncidentSource;
import org.meldekette.domain.Measure;
import org.meldekette.domain.MeasureStatus;
import org.meldekette.domain.MeasureType;
import org.meldekette.domain.Phase;
import org.meldekette.domain.lifecycle.RecordRules;
import org.meldekette.testing.Seeds;

/**
 * Closing an incident does not end its corrective and preventive measures: their due dates and,
 * once done, the review of their effectiveness are clocks with reminders, delivered end to end
 * through the task queue to the team's webhook.
 */
class MeasureRemindersTest extends ServedReminders {
  private static final Instant CLOSED = T0.plus(Duration.ofDays(5));

  @Test
  void aClosedIncidentsMeasuresAreRemindedOfUntilDoneAndThenOfTheirEffectivenessReview()
      throws Exception {
    String id = new IncidentIds(clock, new SecureRandom()).next();
    Incident open = Incident.open(id, "t", IncidentSource.STAFF, null, T0);
    Seeds.incident(db, open.inPhase(Phase.CLOSED, null, CLOSED, CLOSED), policy());

    Instant due = CLOSED.plus(Duration.ofDays(10));
    clock.set(CLOSED.plus(Duration.ofHours(1)));
    Measure corrective =
        Measure.added(
            "MSR-0000000001",
            MeasureType.CORRECTIVE,
            null,
            "Rotate the export links",
            "platform",
            due,
            MeasureStatus.PLANNED,
            null,
            "responder@meldekette.test",
            clockNow());
    store.update(
        id,
        queries.get(id).version(),
        Seeds.SETUP,
        (tx, incident) -> {
          tx.createMeasure(corrective);
          return tx.apply(RecordRules.measureAdded(incident, corrective, RESPONDER, clockNow()));
        });

    at(due.minus(Duration.ofDays(3)));
    assertThat(aboutMeasure(id))
        .singleElement()
        .asString()
        .contains("measure done by its due date · MSR-0000000001")
        .contains("in 72 h")
        .doesNotContain("Rotate the export links");

    // Done two days before it was due: no "due" reminder, and its effectiveness review falls due
    // 30 days later.
    Instant done = due.minus(Duration.ofDays(2));
    clock.set(done);
    Measure finished =
        corrective.with(
            new Measure.Changes(null, null, null, MeasureStatus.DONE, null, null),
            "responder@meldekette.test",
            done);
    store.update(
        id,
        queries.get(id).version(),
        Seeds.SETUP,
        (tx, incident) -> {
          tx.updateMeasure(finished);
          return tx.apply(
              RecordRules.measureChanged(incident, corrective, finished, RESPONDER, clockNow()));
        });
    at(due.plus(Duration.ofHours(1)));
    assertThat(aboutMeasure(id)).hasSize(1);

    at(done.plus(Duration.ofDays(27)));
    assertThat(aboutMeasure(id))
        .hasSize(2)
        .last()
        .asString()
        .contains("Effectiveness review")
        .contains("MSR-0000000001");
  }

  private static List<String> aboutMeasure(String incidentId) {
    return team.stream()
        .filter(m -> m.contains(incidentId) && m.contains("MSR-0000000001"))
        .toList();
  }
}
