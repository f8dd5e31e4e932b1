package org.meldekette.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Every write is based on the version its author saw; two people acting at once never lose an
 * update.
 */
class ConcurrentChangesTest extends ServedLifecycle {

  @Test
  void aWriteWithAStaleOrMissingIfMatchIsRefusedAndChangesNothing() throws Exception {
    String id = newIncident();
    String stale = etag(id);
    String current = triaged(id);

    HttpResponse<String> response =
        call(
            "POST",
            "/incidents/" + id + "/transitions",
            RESPONDER,
            stale,
            "{\"to\":\"CONTAINMENT\"}");
    assertThat(refused(response, 412)).isEqualTo("STALE_VERSION");
    assertThat(response.headers().firstValue("ETag")).hasValue(current);
    assertThat(
            refused(
                call(
                    "POST",
                    "/incidents/" + id + "/transitions",
                    RESPONDER,
                    null,
                    "{\"to\":\"CONTAINMENT\"}"),
                428))
        .isEqualTo("IF_MATCH_REQUIRED");
    assertThat(
            refused(
                call(
                    "POST",
                    "/incidents/" + id + "/transitions",
                    RESPONDER,
                    "W/" + current,
                    "{\"to\":\"CONTAINMENT\"}"),
                412))
        .isEqualTo("STALE_VERSION");
    assertThat(
            body(call("GET", "/incidents/" + id, RESPONDER, null, null)).get("phase").getAsString())
        .isEqualTo("DETECTION_TRIAGE");
    assertThat(etag(id)).isEqualTo(current);
  }

  @Test
  void twoConcurrentTransitionsOfOneIncidentLeaveExactlyOneApplied() throws Exception {
    String id = newIncident();
    String etag = triaged(id);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch ready = new CountDownLatch(2);
    List<Callable<HttpResponse<String>>> both = new ArrayList<>();
    for (String who : new String[] {RESPONDER, RESPONDER_2}) {
      both.add(
          () -> {
            ready.countDown();
            ready.await();
            return call(
                "POST", "/incidents/" + id + "/transitions", who, etag, "{\"to\":\"CONTAINMENT\"}");
          });
    }
    List<Integer> statuses = new ArrayList<>();
    for (Future<HttpResponse<String>> result : pool.invokeAll(both)) {
      statuses.add(result.get().statusCode());
    }
    pool.shutdown();

    assertThat(statuses).containsExactlyInAnyOrder(200, 412);
    long phaseChanges = 0;
    for (JsonElement entry :
        body(call("GET", "/incidents/" + id + "/timeline", RESPONDER, null, null))
            .getAsJsonArray("entries")) {
      if (entry.getAsJsonObject().get("type").getAsString().equals("PHASE_CHANGED")) {
        phaseChanges++;
      }
    }
    assertThat(phaseChanges).isEqualTo(1);
    assertThat(
            body(call("GET", "/incidents/" + id, RESPONDER, null, null)).get("version").getAsLong())
        .isEqualTo(3);
  }
}
