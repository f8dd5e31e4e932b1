package org.meldekette.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.firestore.DocumentSnapshot;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Evidence and decisions are written once: no API changes or deletes them; custody and corrections
 * append.
 */
class AppendOnlyRecordsTest extends ServedLifecycle {
  private static final String HASH =
      "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855";

  @Test
  void evidenceCannotBeChangedOrDeletedAndItsCustodyOnlyGrows() throws Exception {
    String id = newIncident();
    String base = "/incidents/" + id;
    HttpResponse<String> added =
        call(
            "POST",
            base + "/evidence",
            RESPONDER,
            etag(id),
            """
        {"source":"CONFIG_SNAPSHOT","location":"gs://forensics/iam-policy.json","sha256":"%s",
         "collectedAt":"2026-11-22T07:45:00Z"}"""
                .formatted(HASH));
    assertThat(added.statusCode()).isEqualTo(201);
    String evidenceId = body(added).get("id").getAsString();
    String path = base + "/evidence/" + evidenceId;
    DocumentSnapshot stored =
        db.document("incidents/" + id + "/evidence/" + evidenceId).get().get();
    Map<String, Object> original = stored.getData();
    assertThat(original)
        .containsEntry("sha256", HASH.toLowerCase())
        .containsEntry("collectedBy", RESPONDER);

    for (String method : new String[] {"PUT", "PATCH", "DELETE"}) {
      HttpResponse<String> response =
          call(
              method,
              path,
              RESPONDER,
              etag(id),
              method.equals("DELETE") ? null : "{\"sha256\":\"" + "0".repeat(64) + "\"}");
      assertThat(response.statusCode()).as(method).isIn(404, 405);
    }
    assertThat(call("DELETE", base + "/evidence", ADMIN, etag(id), null).statusCode())
        .isEqualTo(405);

    write(
        "POST",
        path + "/custody",
        RESPONDER_2,
        etag(id),
        "{\"action\":\"TRANSFERRED\",\"note\":\"Handed to the external forensics firm\"}",
        201);
    write("POST", path + "/custody", RESPONDER, etag(id), "{\"action\":\"ACCESSED\"}", 201);

    assertThat(db.document("incidents/" + id + "/evidence/" + evidenceId).get().get().getData())
        .isEqualTo(original);
    JsonArray evidence =
        body(call("GET", base + "/evidence", RESPONDER, null, null)).getAsJsonArray("evidence");
    JsonArray custody = evidence.get(0).getAsJsonObject().getAsJsonArray("custody");
    assertThat(custody).hasSize(3);
    assertThat(custody.get(0).getAsJsonObject().get("action").getAsString()).isEqualTo("COLLECTED");
    assertThat(custody.get(1).getAsJsonObject().get("by").getAsString()).isEqualTo(RESPONDER_2);
    assertThat(custody.get(2).getAsJsonObject().get("sequence").getAsInt()).isEqualTo(3);
  }

  @Test
  void evidenceNeedsAValidHashAndLocation() throws Exception {
    String id = newIncident();
    String etag = etag(id);
    assertThat(
            refused(
                call(
                    "POST",
                    "/incidents/" + id + "/evidence",
                    RESPONDER,
                    etag,
                    "{\"source\":\"FILE\",\"location\":\"gs://forensics/x\"}"),
                400))
        .isEqualTo("REQUIRED");
    assertThat(
            refused(
                call(
                    "POST",
                    "/incidents/" + id + "/evidence",
                    RESPONDER,
                    etag,
                    "{\"source\":\"FILE\",\"location\":\"gs://forensics/x\",\"sha256\":\"abc\"}"),
                400))
        .isEqualTo("INVALID_VALUE");
    assertThat(
            refused(
                call(
                    "POST",
                    "/incidents/" + id + "/evidence",
                    RESPONDER,
                    etag,
                    "{\"source\":\"FILE\",\"location\":\"gs://UPPER CASE\",\"sha256\":\""
                        + "a".repeat(64)
                        + "\"}"),
                400))
        .isEqualTo("INVALID_VALUE");
    assertThat(
            refused(
                call(
                    "POST",
                    "/incidents/" + id + "/evidence",
                    RESPONDER,
                    etag,
                    "{\"source\":\"DISK\",\"location\":\"gs://forensics/x\",\"sha256\":\""
                        + "a".repeat(64)
                        + "\"}"),
                400))
        .isEqualTo("INVALID_VALUE");
    assertThat(db.collection("incidents/" + id + "/evidence").get().get().isEmpty()).isTrue();
  }

  @Test
  void decisionsCannotBeChangedOrDeletedAndACorrectionIsANewEntryReferringToTheOld()
      throws Exception {
    String id = newIncident();
    String base = "/incidents/" + id;
    String etag =
        write("PUT", base + "/triage", RESPONDER, etag(id), "{\"classification\":\"BREACH\"}", 200);
    HttpResponse<String> first =
        call(
            "POST",
            base + "/decisions",
            LEGAL,
            etag,
            "{\"type\":\"NO_AUTHORITY_NOTIFICATION\",\"reasoning\":\"Encrypted laptop, key not exposed.\"}");
    String firstId = body(first).get("id").getAsString();
    Map<String, Object> original =
        db.document("incidents/" + id + "/decisions/" + firstId).get().get().getData();

    for (String method : new String[] {"PUT", "PATCH", "DELETE"}) {
      assertThat(call(method, base + "/decisions/" + firstId, LEGAL, etag(id), "{}").statusCode())
          .as(method)
          .isIn(404, 405);
      assertThat(call(method, base + "/decisions", LEGAL, etag(id), "{}").statusCode())
          .as(method)
          .isEqualTo(405);
    }

    clock.advance(java.time.Duration.ofHours(2));
    HttpResponse<String> correction =
        call(
            "POST",
            base + "/decisions",
            DPO,
            etag(id),
            """
        {"type":"NOTIFY_AUTHORITY","reasoning":"The key was on a sticker on the laptop.","corrects":"%s"}"""
                .formatted(firstId));
    assertThat(correction.statusCode()).as(correction.body()).isEqualTo(201);
    assertThat(
            refused(
                call(
                    "POST",
                    base + "/decisions",
                    DPO,
                    etag(id),
                    "{\"type\":\"NOTIFY_AUTHORITY\",\"reasoning\":\"again\",\"corrects\":\"%s\"}"
                        .formatted(firstId)),
                409))
        .isEqualTo("DECISION_ALREADY_CORRECTED");
    assertThat(
            refused(
                call(
                    "POST",
                    base + "/decisions",
                    DPO,
                    etag(id),
                    "{\"type\":\"NOTIFY_AUTHORITY\",\"reasoning\":\"x\",\"corrects\":\"DEC-0000000000\"}"),
                400))
        .isEqualTo("NOT_FOUND");

    assertThat(db.document("incidents/" + id + "/decisions/" + firstId).get().get().getData())
        .isEqualTo(original);
    JsonArray decisions =
        body(call("GET", base + "/decisions", LEGAL, null, null)).getAsJsonArray("decisions");
    assertThat(decisions).hasSize(2);
    JsonObject second = decisions.get(1).getAsJsonObject();
    assertThat(second.get("corrects").getAsString()).isEqualTo(firstId);
    assertThat(second.get("responsible").getAsString()).isEqualTo(DPO);
    assertThat(second.get("signedAs").getAsString()).isEqualTo("DPO");
    assertThat(second.get("decidedAt").getAsString()).isEqualTo(clock.instant().toString());
  }
}
