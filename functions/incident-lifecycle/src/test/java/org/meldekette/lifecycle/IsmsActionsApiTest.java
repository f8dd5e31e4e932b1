package org.meldekette.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Measures become ISMS actions with their Annex A controls; effectiveness flows back by PATCH. */
class IsmsActionsApiTest extends ServedLifecycle {
  @Test
  void aCorrectiveMeasureIsAnActionAndItsEffectivenessComesBackIntoTheRecord() throws Exception {
    clock.set(Instant.parse("2026-06-10T08:00:00Z"));
    String id = newIncident();
    String etag = triaged(id);
    HttpResponse<String> bad =
        call(
            "POST",
            "/incidents/" + id + "/measures",
            RESPONDER,
            etag,
            "{\"type\":\"CORRECTIVE\",\"description\":\"Patch\",\"control\":\"A.9.9\"}");
    assertThat(refused(bad, 400)).isEqualTo("NOT_AN_ANNEX_A_CONTROL");
    JsonObject measure =
        body(
            call(
                "POST",
                "/incidents/" + id + "/measures",
                RESPONDER,
                etag,
                """
                {"type":"CORRECTIVE","description":"Patch the VPN gateway","owner":"it@x.test",
                 "dueAt":"2026-06-20T00:00:00Z","control":"8.8"}"""));
    assertThat(measure.get("control").getAsString()).isEqualTo("A.8.8");
    String measureId = measure.get("id").getAsString();

    JsonObject action =
        body(call("GET", "/isms-actions?from=2026-06&to=2026-06", SECOND_LINE, null, null))
            .getAsJsonArray("actions")
            .get(0)
            .getAsJsonObject();
    assertThat(action.get("actionId").getAsString()).isEqualTo(measureId);
    assertThat(action.get("controls").getAsString()).isEqualTo("A.5.25 A.5.26 A.5.27 A.8.8");
    assertThat(action.get("owner").getAsString()).isEqualTo("it@x.test");

    // The ISMS's effectiveness review comes back into the incident's record.
    write(
        "PATCH",
        "/incidents/" + id + "/measures/" + measureId,
        RESPONDER,
        etag(id),
        "{\"status\":\"DONE\",\"effectiveness\":{\"result\":\"EFFECTIVE\",\"note\":\"No findings in the rescan\"}}",
        200);
    HttpResponse<String> csv =
        call("GET", "/isms-actions?from=2026-06&to=2026-06&format=csv", DPO, null, null);
    assertThat(csv.body()).contains(measureId, "EFFECTIVE", "No findings in the rescan", "A.8.8");
    assertThat(refused(call("GET", "/isms-actions", RESPONDER, null, null), 403))
        .isEqualTo("FORBIDDEN");
  }
}
