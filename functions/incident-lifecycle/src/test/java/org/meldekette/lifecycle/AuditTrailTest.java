package org.meldekette.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentReference;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every change writes exactly one chained audit event; any tampering with a stored event is found
 * there.
 */
class AuditTrailTest extends ServedLifecycle {
  private static final String HASH =
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  private static JsonArray events(String id) {
    return body(call("GET", "/incidents/" + id + "/audit", RESPONDER, null, null))
        .getAsJsonArray("events");
  }

  private static String lastType(String id) {
    JsonArray events = events(id);
    return events.get(events.size() - 1).getAsJsonObject().get("type").getAsString();
  }

  private static JsonObject verify(String id) {
    return body(call("GET", "/incidents/" + id + "/audit/verify", RESPONDER, null, null));
  }

  @Test
  void everyKindOfChangeWritesExactlyOneAuditEventAndRefusalsWriteNone() throws Exception {
    String id = newIncident();
    String base = "/incidents/" + id;
    List<String> expected =
        new ArrayList<>(List.of("INCIDENT_OPENED")); // the chain starts where the incident does
    String etag = etag(id);

    etag =
        write(
            "PUT",
            base + "/triage",
            RESPONDER,
            etag,
            """
        {"classification":"INCIDENT","severity":"P3",
         "cia":{"confidentiality":"NONE","integrity":"NONE","availability":"LOW"},
         "affectedSystems":["search"],"dataDomains":["infrastructure"],"initialRisk":"LOW"}""",
            200);
    expected.add("TRIAGE_RECORDED");
    HttpResponse<String> filed =
        call(
            "POST",
            base + "/skip-requests",
            RESPONDER,
            etag,
            "{\"to\":\"FORENSICS\",\"justification\":\"Contained by the vendor before we knew.\"}");
    etag = filed.headers().firstValue("ETag").orElseThrow();
    expected.add("SKIP_REQUESTED");
    etag =
        write(
            "POST",
            base + "/skip-requests/" + body(filed).get("id").getAsString() + "/approve",
            SECOND_LINE,
            etag,
            null,
            200);
    expected.add("SKIP_APPROVED");
    HttpResponse<String> measure =
        call(
            "POST",
            base + "/measures",
            RESPONDER,
            etag,
            "{\"type\":\"CORRECTIVE\",\"description\":\"Patch the search service\"}");
    etag = measure.headers().firstValue("ETag").orElseThrow();
    expected.add("MEASURE_ADDED");
    etag =
        write(
            "PATCH",
            base + "/measures/" + body(measure).get("id").getAsString(),
            RESPONDER,
            etag,
            "{\"owner\":\"search-team\"}",
            200);
    expected.add("MEASURE_CHANGED");
    HttpResponse<String> evidence =
        call(
            "POST",
            base + "/evidence",
            RESPONDER,
            etag,
            "{\"source\":\"FILE\",\"location\":\"gs://forensics/heap.hprof\",\"sha256\":\""
                + HASH
                + "\"}");
    etag = evidence.headers().firstValue("ETag").orElseThrow();
    expected.add("EVIDENCE_ADDED");
    etag =
        write(
            "POST",
            base + "/evidence/" + body(evidence).get("id").getAsString() + "/custody",
            RESPONDER,
            etag,
            "{\"action\":\"COPIED\"}",
            201);
    expected.add("CUSTODY_APPENDED");
    etag =
        write("POST", base + "/transitions", RESPONDER, etag, "{\"to\":\"LEGAL_ASSESSMENT\"}", 200);
    expected.add("PHASE_CHANGED");
    etag =
        write(
            "POST",
            base + "/decisions",
            LEGAL,
            etag,
            "{\"type\":\"NO_PERSONAL_DATA_AFFECTED\",\"reasoning\":\"Search index holds product data only.\"}",
            201);
    expected.add("DECISION_LOGGED");
    etag =
        write(
            "POST",
            base + "/reopen",
            SECOND_LINE,
            etag,
            "{\"to\":\"FORENSICS\",\"justification\":\"A second heap dump turned up.\"}",
            200);
    expected.add("REOPENED");

    // Refusals of every kind leave no event behind.
    call("POST", base + "/transitions", RESPONDER, "\"1\"", "{\"to\":\"LEGAL_ASSESSMENT\"}");
    call("POST", base + "/transitions", LEGAL, etag, "{\"to\":\"LEGAL_ASSESSMENT\"}");
    call("POST", base + "/transitions", RESPONDER, etag, "{\"to\":\"CLOSED\"}");
    call("PUT", base + "/triage", RESPONDER, etag, "{\"classification\":\"SOMETHING\"}");

    JsonArray events = events(id);
    List<String> types = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      JsonObject event = events.get(i).getAsJsonObject();
      types.add(event.get("type").getAsString());
      assertThat(event.get("sequence").getAsLong()).isEqualTo(i + 1);
      assertThat(event.get("stream").getAsString()).isEqualTo("incidents/" + id);
    }
    assertThat(types).isEqualTo(expected);
    JsonArray timeline =
        body(call("GET", base + "/timeline", RESPONDER, null, null)).getAsJsonArray("entries");
    assertThat(timeline).hasSameSizeAs(events);
    JsonObject approval = events.get(3).getAsJsonObject();
    assertThat(approval.getAsJsonObject("actor").get("role").getAsString())
        .isEqualTo("SECOND_LINE");
    assertThat(approval.getAsJsonObject("after").get("justification").getAsString())
        .startsWith("sha256:");
    assertThat(verify(id).get("intact").getAsBoolean()).isTrue();
  }

  @Test
  void verificationWhileChangesAreCommittedNeverReportsABrokenChain() throws Exception {
    String id = newIncident();
    String start = inContainment(id);
    var writer =
        java.util.concurrent.CompletableFuture.runAsync(
            () -> {
              String etag = start;
              for (int i = 0; i < 40; i++) {
                etag = containmentMeasure(id, etag, "Measure " + i);
              }
            });
    List<JsonObject> broken = new ArrayList<>();
    int verifications = 0;
    while (!writer.isDone()) {
      JsonObject result = verify(id);
      verifications++;
      if (!result.get("intact").getAsBoolean()) {
        broken.add(result);
      }
    }
    writer.get();
    assertThat(verifications).isGreaterThan(5);
    assertThat(broken).isEmpty();
  }

  @Test
  void changingAnyFieldOfAStoredEventDeletingOneOrReorderingTwoFailsVerificationAtThatEvent()
      throws Exception {
    String id = newIncident();
    containmentMeasure(id, inContainment(id), "Block the scraper's IP range");
    assertThat(verify(id).get("intact").getAsBoolean()).isTrue();

    DocumentReference second = db.document("audit-events/incidents:" + id + ":0000000002");
    Map<String, Object> original = second.get().get().getData();
    List<String> undetected = new ArrayList<>();
    for (String field :
        List.of(
            "stream",
            "sequence",
            "type",
            "actorKind",
            "actorId",
            "actorRole",
            "at",
            "incidentId",
            "summary",
            "before",
            "after",
            "previousHash",
            "hash")) {
      Map<String, Object> tampered = new HashMap<>(original);
      tampered.put(field, tamper(original.get(field)));
      second.set(tampered).get();
      JsonObject result = verify(id);
      if (result.get("intact").getAsBoolean()
          || result.getAsJsonObject("firstBroken").get("sequence").getAsLong() != 2) {
        undetected.add(field + ": " + result);
      }
      second.set(original).get();
    }
    assertThat(undetected).isEmpty();
    assertThat(verify(id).get("intact").getAsBoolean()).isTrue();

    second.delete().get();
    assertThat(verify(id).getAsJsonObject("firstBroken").get("sequence").getAsLong()).isEqualTo(2);
    second.set(original).get();

    DocumentReference third = db.document("audit-events/incidents:" + id + ":0000000003");
    third.update("sequence", 2L).get();
    second.update("sequence", 3L).get();
    JsonObject reordered = verify(id);
    assertThat(reordered.get("intact").getAsBoolean()).isFalse();
    assertThat(reordered.getAsJsonObject("firstBroken").get("sequence").getAsLong()).isEqualTo(2);
    second.update("sequence", 2L).get();
    third.update("sequence", 3L).get();

    DocumentReference last = db.document("audit-events/incidents:" + id + ":0000000003");
    Map<String, Object> lastEvent = last.get().get().getData();
    last.delete().get();
    assertThat(verify(id).getAsJsonObject("firstBroken").get("sequence").getAsLong()).isEqualTo(3);
    last.set(lastEvent).get();
    assertThat(verify(id).get("intact").getAsBoolean()).isTrue();
  }

  @SuppressWarnings("unchecked")
  private static Object tamper(Object value) {
    if (value instanceof String s) {
      return s + "x";
    }
    if (value instanceof Long n) {
      return n + 1;
    }
    if (value instanceof Timestamp t) {
      return Timestamp.ofTimeSecondsAndNanos(t.getSeconds() + 1, t.getNanos());
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> changed = new HashMap<>((Map<String, Object>) map);
      changed.put("phase", "CLOSED");
      return changed;
    }
    throw new IllegalArgumentException("no way to tamper with " + value);
  }
}
