package org.meldekette.dev;

import com.google.cloud.firestore.Firestore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.meldekette.config.Env;
import org.meldekette.config.RegimeConfig;
import org.meldekette.domain.Actor;
import org.meldekette.domain.Classification;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentIds;
import org.meldekette.domain.IncidentSource;
import org.meldekette.domain.RiskLevel;
import org.meldekette.domain.Role;
import org.meldekette.domain.Severity;
import org.meldekette.domain.Triage;
import org.meldekette.domain.lifecycle.Openings;
import org.meldekette.domain.lifecycle.Outcome;
import org.meldekette.domain.lifecycle.TriageRules;
import org.meldekette.store.CommitListener;
import org.meldekette.store.FirestoreClients;
import org.meldekette.store.IncidentStore;

/**
 * Fills the local stack's emulator with many incidents at once, written as every function writes
 * them (deadlines, timeline, audit chain), for trying the console at scale and for its budget
 * benchmark. They are not announced as new; spread over the past week, many have clocks overdue,
 * whose reminders the next sweep sends as it would for any such backlog. Never part of a
 * deployment.
 *
 * <p>Arguments: how many. Environment: {@code FIRESTORE_EMULATOR_HOST}, {@code
 * GOOGLE_CLOUD_PROJECT}.
 */
public final class SeedIncidents {
  private static final Severity[] SEVERITIES = Severity.values();
  private static final IncidentSource[] SOURCES = {
    IncidentSource.ALERT, IncidentSource.REPORT, IncidentSource.STAFF
  };

  private SeedIncidents() {}

  public static void main(String[] args) {
    int count = Integer.parseInt(args[0]);
    Env env = Env.system();
    if (env.get("FIRESTORE_EMULATOR_HOST", null) == null) {
      throw new IllegalStateException("seeds only an emulator: set FIRESTORE_EMULATOR_HOST");
    }
    Firestore db = FirestoreClients.fromEnvironment(env).get();
    Actor seeder = Actor.staff("seed@meldekette.local", Role.RESPONDER);
    IncidentIds ids = new IncidentIds(Clock.systemUTC(), new SecureRandom());
    Instant now = Instant.now();
    long started = System.nanoTime();
    IncidentStore store = new IncidentStore(db, RegimeConfig.policy(env), CommitListener.NONE);
    List<Outcome> openings = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Instant detected = now.minus(Duration.ofMinutes(i));
      Incident incident =
          Incident.open(
              ids.next(),
              "Seeded incident " + (i + 1),
              SOURCES[i % SOURCES.length],
              null,
              detected);
      if (i % 4 != 0) { // three in four triaged
        incident =
            TriageRules.triage(
                    incident,
                    Triage.Input.classified(
                        i % 10 == 0 ? Classification.BREACH : Classification.INCIDENT,
                        SEVERITIES[i % SEVERITIES.length],
                        RiskLevel.LOW),
                    seeder,
                    detected.plusSeconds(30))
                .incident();
      }
      openings.add(Openings.opened(incident, seeder));
      if (openings.size() == 1_000) {
        store.open(openings);
        openings.clear();
      }
    }
    store.open(openings);
    System.out.printf(
        "seeded %d incidents in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
  }
}
