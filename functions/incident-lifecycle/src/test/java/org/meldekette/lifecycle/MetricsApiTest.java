package org.meldekette.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The metrics over HTTP from incidents worked through the API at known times (the test's clock):
 * the figures are the ones worked out by hand beside each assertion.
 */
class MetricsApiTest extends ServedLifecycle {
  private static final Instant MARCH_10 = Instant.parse("2026-03-10T08:00:00Z");

  /**
   * An incident detected now, left triage after {@code triage}, contained {@code contain} later.
   */
  private static String worked(Duration triage, Duration contain) throws Exception {
    String id = newIncident();
    triaged(id);
    clock.advance(triage);
    String etag =
        write(
            "POST",
            "/incidents/" + id + "/transitions",
            RESPONDER,
            etag(id),
            "{\"to\":\"CONTAINMENT\"}",
            200);
    if (contain != null) {
      clock.advance(contain);
      write(
          "POST",
          "/incidents/" + id + "/measures",
          RESPONDER,
          etag,
          "{\"type\":\"CONTAINMENT\",\"description\":\"Blocked\",\"status\":\"DONE\"}",
          201);
    }
    return id;
  }

  @Test
  void figuresOfAMonthEqualTheHandCountedOnes() throws Exception {
    clock.set(MARCH_10);
    String first = worked(Duration.ofHours(2), Duration.ofHours(1)); // triage 2 h, contained at 3 h
    clock.set(MARCH_10.plus(Duration.ofDays(1)));
    worked(Duration.ofHours(4), null); // triage 4 h, not contained
    clock.set(Instant.parse("2026-04-02T08:00:00Z"));
    worked(Duration.ofHours(8), null); // April: outside the period asked for

    JsonObject march =
        body(call("GET", "/metrics?from=2026-03&to=2026-03", SECOND_LINE, null, null));
    assertThat(march.get("incidents").getAsInt()).isEqualTo(2);
    assertThat(march.get("zone").getAsString()).isEqualTo("Europe/Berlin");
    JsonObject month = march.getAsJsonArray("months").get(0).getAsJsonObject();
    assertThat(month.get("month").getAsString()).isEqualTo("2026-03");
    assertThat(month.getAsJsonObject("bySource").get("STAFF").getAsInt()).isEqualTo(2);
    assertThat(month.getAsJsonObject("byClassification").get("INCIDENT").getAsInt()).isEqualTo(2);
    JsonObject durations = march.getAsJsonObject("durations");
    // Triage 2 h and 4 h: median (rank 1) 120 min, p90 (rank 2) 240 min.
    assertThat(durations.getAsJsonObject("timeToTriage").get("count").getAsInt()).isEqualTo(2);
    assertThat(durations.getAsJsonObject("timeToTriage").get("medianMinutes").getAsLong())
        .isEqualTo(120);
    assertThat(durations.getAsJsonObject("timeToTriage").get("p90Minutes").getAsLong())
        .isEqualTo(240);
    // Contained once, 3 h after detection.
    assertThat(durations.getAsJsonObject("timeToContainment").get("medianMinutes").getAsLong())
        .isEqualTo(180);
    assertThat(durations.getAsJsonObject("timeToClosure").get("count").getAsInt()).isZero();
    assertThat(march.toString()).as("figures only").doesNotContain("Test incident", first);

    HttpResponse<String> csv =
        call("GET", "/metrics?from=2026-03&to=2026-04&format=csv", DPO, null, null);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.body())
        .startsWith("section,key,measure,value\r\n")
        .contains("incidents,2026-03,total,2\r\n", "incidents,2026-04,total,1\r\n")
        .contains("durations,timeToTriage,medianMinutes,240\r\n");
  }

  @Test
  void aPeriodIsWholeMonthsInOrderAndAtMostThreeYears() {
    assertThat(refused(call("GET", "/metrics?from=2026-05&to=2026-03", DPO, null, null), 400))
        .isEqualTo("BEFORE_FROM");
    assertThat(refused(call("GET", "/metrics?from=March", DPO, null, null), 400))
        .isEqualTo("INVALID_MONTH");
    assertThat(refused(call("GET", "/metrics?from=2020-01&to=2026-12", DPO, null, null), 400))
        .isEqualTo("PERIOD_TOO_LONG");
    assertThat(refused(call("GET", "/metrics?format=pdf", DPO, null, null), 400))
        .isEqualTo("INVALID_VALUE");
  }
}
