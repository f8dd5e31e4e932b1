package org.meldekette.vault;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.meldekette.domain.Actor;
import org.meldekette.domain.Audience;
import org.meldekette.domain.Change;
import org.meldekette.domain.ChangeType;
import org.meldekette.domain.Communication;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentIds;
import org.meldekette.domain.IncidentSource;
import org.meldekette.domain.Measure;
import org.meldekette.domain.MeasureStatus;
import org.meldekette.domain.MeasureType;
import org.meldekette.domain.Role;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.deadline.Regimes;
import org.meldekette.domain.lifecycle.Outcome;
import org.meldekette.store.CommitListener;
import org.meldekette.store.IncidentStore;
import org.meldekette.testing.Figures;
import org.meldekette.testing.Seeds;

/**
 * An audit pack for a year of 2,000 breaches (each with a containment measure and a notification),
 * generated through the API against the emulator: the time from request to pack in the vault.
 */
@Tag("benchmark")
class AuditPackBenchmark extends ServedVault {
  private static final int INCIDENTS = 2_000;

  @Test
  void aYearOfTwoThousandIncidents() throws Exception {
    DeadlinePolicy policy = new DeadlinePolicy(Regimes.shipped("GDPR", "INTERNAL"));
    Instant yearStart = Instant.parse("2025-01-01T00:00:00Z");
    IncidentIds ids = new IncidentIds(clock, new SecureRandom());
    List<Incident> incidents = new ArrayList<>();
    for (int i = 0; i < INCIDENTS; i++) {
      Instant detected = yearStart.plus(Duration.ofMinutes(i * 262L));
      incidents.add(
          Seeds.triagedBreach(
              Incident.open(ids.next(), "Benchmark " + i, IncidentSource.REPORT, null, detected),
              detected.plus(Duration.ofHours(1))));
    }
    Seeds.incidents(db, incidents, policy);
    IncidentStore store = new IncidentStore(db, policy, CommitListener.NONE);
    Actor seed = Actor.staff("seed@meldekette.test", Role.LEGAL);
    for (Incident incident : incidents) {
      Instant at = incident.detectedAt().plus(Duration.ofHours(3));
      store.updateCurrent(
          incident.id(),
          (tx, current) -> {
            tx.createMeasure(
                new Measure(
                    "MSR-" + incident.id().substring(13),
                    MeasureType.CONTAINMENT,
                    null,
                    "Blocked",
                    null,
                    null,
                    MeasureStatus.DONE,
                    null,
                    seed.id(),
                    at,
                    at));
            tx.createCommunication(
                new Communication(
                    "COM-" + incident.id().substring(13),
                    Audience.SUPERVISORY_AUTHORITY,
                    "portal",
                    "Notified",
                    at,
                    Communication.Notification.INITIAL,
                    "GDPR/ART33",
                    null,
                    seed.id(),
                    at,
                    null,
                    null));
            return tx.apply(
                new Outcome(
                    current.touched(at),
                    new Change(
                        ChangeType.MEASURE_ADDED,
                        seed,
                        at,
                        incident.id(),
                        "seeded",
                        null,
                        Map.of())));
          });
    }
    long started = System.nanoTime();
    HttpResponse<String> created =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(server.uri("/audit-packs"))
                    .timeout(Duration.ofMinutes(10))
                    .header("Authorization", "Bearer " + token(DPO))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "benchmark-year")
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"from\":\"2025-01\",\"to\":\"2025-12\",\"lang\":\"en\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    double seconds = (System.nanoTime() - started) / 1e9;
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonObject pack = JsonParser.parseString(created.body()).getAsJsonObject();
    assertThat(pack.get("incidents").getAsInt()).isEqualTo(INCIDENTS);
    Figures.record(
        "Audit pack for a year of " + INCIDENTS + " incidents",
        String.format(
            """
            | incidents | pack size | generation (request to pack in the vault) | per incident |
            |---|---|---|---|
            | %,d | %.1f MiB | %.1f s | %.1f ms |
            """,
            INCIDENTS,
            pack.get("bytes").getAsLong() / 1048576.0,
            seconds,
            seconds * 1000 / INCIDENTS));
  }
}
