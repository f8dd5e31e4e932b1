package org.meldekette.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Listing incidents: filtered by phase, classification and severity, newest first, page by page.
 */
class IncidentListTest extends ServedLifecycle {

  @Test
  void filtersCombineAndPagesWalkThroughEverythingOnce() throws Exception {
    List<String> p1Breaches = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofMinutes(1));
      String id = newIncident();
      boolean breach = i % 2 == 0;
      write(
          "PUT",
          "/incidents/" + id + "/triage",
          RESPONDER,
          etag(id),
          "{\"classification\":\"" + (breach ? "BREACH" : "INCIDENT") + "\",\"severity\":\"P1\"}",
          200);
      if (breach) {
        p1Breaches.add(0, id);
      }
    }
    clock.advance(Duration.ofMinutes(1));
    String other = newIncident();

    List<String> seen = new ArrayList<>();
    String token = null;
    do {
      JsonObject page =
          body(
              call(
                  "GET",
                  "/incidents?classification=BREACH&severity=P1&pageSize=2"
                      + (token == null ? "" : "&pageToken=" + token),
                  RESPONDER,
                  null,
                  null));
      JsonArray incidents = page.getAsJsonArray("incidents");
      assertThat(incidents.size()).isLessThanOrEqualTo(2);
      for (JsonElement incident : incidents) {
        seen.add(incident.getAsJsonObject().get("id").getAsString());
      }
      token = page.has("nextPageToken") ? page.get("nextPageToken").getAsString() : null;
    } while (token != null);
    assertThat(seen).isEqualTo(p1Breaches);

    JsonArray inTriage =
        body(call("GET", "/incidents?phase=DETECTION_TRIAGE&pageSize=200", RESPONDER, null, null))
            .getAsJsonArray("incidents");
    assertThat(inTriage.get(0).getAsJsonObject().get("id").getAsString()).isEqualTo(other);
  }

  @Test
  void aQueryStringThatIsNotUtf8IsRefusedNotAnError() {
    // The runtime's own query parsing throws on it (a 500); the API decodes strictly and says what
    // is wrong.
    assertThat(refused(call("GET", "/incidents?pageToken=%ff%ff", RESPONDER, null, null), 400))
        .isEqualTo("MALFORMED_QUERY");
    assertThat(refused(call("GET", "/incidents?phase=%C3%28", RESPONDER, null, null), 400))
        .isEqualTo("MALFORMED_QUERY");
  }

  @Test
  void badFiltersAndTokensAreRefused() {
    assertThat(refused(call("GET", "/incidents?phase=DONE", RESPONDER, null, null), 400))
        .isEqualTo("INVALID_VALUE");
    assertThat(refused(call("GET", "/incidents?pageSize=0", RESPONDER, null, null), 400))
        .isEqualTo("OUT_OF_RANGE");
    assertThat(refused(call("GET", "/incidents?pageToken=%21%21", RESPONDER, null, null), 400))
        .isEqualTo("INVALID_PAGE_TOKEN");
    assertThat(refused(call("GET", "/incidents/INC-20261122-NOPE00", RESPONDER, null, null), 404))
        .isEqualTo("NOT_FOUND");
    assertThat(refused(call("GET", "/incidents/__members__", RESPONDER, null, null), 404))
        .isEqualTo("NOT_FOUND");
  }
}
