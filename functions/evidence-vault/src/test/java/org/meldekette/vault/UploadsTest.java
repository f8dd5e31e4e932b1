package org.meldekette.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meldekette.dev.storage.Buckets;
import org.meldekette.testing.DatabaseContents;
import org.meldekette.testing.TestHttp;

/**
 * Files uploaded from the console: straight to Cloud Storage through a signed URL, recorded only
 * when the SHA-256 the browser computed equals the one Meldekette computes from the stored bytes,
 * and then held so that Cloud Storage itself refuses to delete them.
 */
class UploadsTest extends ServedVault {
  static final byte[] FILE =
      "2026-12-03T22:14:07Z sshd[811]: Accepted publickey for deploy from 192.0.2.7\n"
          .repeat(400)
          .getBytes(StandardCharsets.UTF_8);

  @Test
  void anUploadedFileBecomesEvidenceWithTheHashBothSidesComputedAndItsObjectIsHeld() {
    String id = incident(RESPONDER);
    JsonObject upload = start(id, "auth.log", "text/plain", FILE.length);
    browserUpload(upload, FILE);

    HttpResponse<String> completed = complete(id, upload, VaultStorageTest.sha256(FILE));
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(201);
    JsonObject evidence = json(completed);
    assertThat(evidence.get("sha256").getAsString()).isEqualTo(VaultStorageTest.sha256(FILE));
    assertThat(evidence.get("secured").getAsBoolean()).isTrue();
    assertThat(evidence.get("collectedBy").getAsString()).isEqualTo(RESPONDER);
    assertThat(evidence.get("location").getAsString())
        .startsWith("gs://" + VAULT + "/incidents/" + id + "/");
    JsonObject file = evidence.getAsJsonArray("files").get(0).getAsJsonObject();
    assertThat(file.get("fileName").getAsString()).isEqualTo("auth.log");
    String object = file.get("object").getAsString();
    assertThat(object)
        .doesNotContain("auth")
        .startsWith("incidents/" + id + "/" + evidence.get("id").getAsString());
    assertThat(
            evidence.getAsJsonArray("custody").get(0).getAsJsonObject().get("action").getAsString())
        .isEqualTo("COLLECTED");

    Buckets.StoredObject stored = storage.buckets().require(VAULT, object);
    assertThat(stored.data()).isEqualTo(FILE);
    assertThat(stored.eventBasedHold()).isTrue();
    assertThatThrownBy(() -> storage.buckets().delete(VAULT, object, null))
        .as("Cloud Storage refuses to delete a held object")
        .hasMessageContaining("Event-Based hold");
    assertThat(storage.buckets().list(STAGING, "uploads/" + id + "/"))
        .as("staging emptied")
        .isEmpty();

    // A repeated completion (double click, retry) records nothing more.
    HttpResponse<String> again = complete(id, upload, VaultStorageTest.sha256(FILE));
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json(again).get("id").getAsString()).isEqualTo(evidence.get("id").getAsString());
    assertThat(evidenceDocuments(id)).hasSize(1);
    assertThat(timelineTypes(id)).containsOnlyOnce("EVIDENCE_ADDED");
  }

  @Test
  void aFileWhoseHashDiffersFromTheBrowsersIsRefusedAndNothingIsRecorded() {
    String id = incident(RESPONDER);
    JsonObject upload = start(id, "config-dump.json", "application/json", FILE.length);
    browserUpload(upload, FILE);
    String other = VaultStorageTest.sha256("something else".getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> refused = complete(id, upload, other);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(errorCode(refused)).isEqualTo("HASH_MISMATCH");
    assertThat(evidenceDocuments(id)).isEmpty();
    assertThat(storage.buckets().list(VAULT, "incidents/" + id + "/")).isEmpty();
    // Asking again does not turn a refusal into evidence.
    assertThat(complete(id, upload, VaultStorageTest.sha256(FILE)).statusCode()).isEqualTo(422);
    assertThat(evidenceDocuments(id)).isEmpty();
  }

  @Test
  void completingBeforeTheFileArrivedIsAConflictThatChangesNothing() {
    String id = incident(RESPONDER);
    JsonObject upload = start(id, "screenshot.png", "image/png", 1234);
    HttpResponse<String> early = complete(id, upload, VaultStorageTest.sha256(FILE));
    assertThat(early.statusCode()).isEqualTo(409);
    assertThat(errorCode(early)).isEqualTo("NOT_UPLOADED");
    assertThat(evidenceDocuments(id)).isEmpty();
  }

  @Test
  void badUploadRequestsAreRefusedNamingTheFieldAndWriteNothing() {
    String id = incident(RESPONDER);
    TreeSet<String> before = DatabaseContents.documentPaths(db);
    Map<String, String> bad =
        Map.of(
            "fileName",
                "{\"fileName\":\"../../etc/passwd\",\"contentType\":\"text/plain\",\"size\":10}",
            "contentType", "{\"fileName\":\"page.html\",\"contentType\":\"text/html\",\"size\":10}",
            "size",
                "{\"fileName\":\"huge.bin\",\"contentType\":\"application/octet-stream\",\"size\":999999999}");
    bad.forEach(
        (field, json) -> {
          HttpResponse<String> response =
              call("POST", "/incidents/" + id + "/uploads", RESPONDER, json);
          assertThat(response.statusCode()).as(json).isEqualTo(400);
          assertThat(json(response).getAsJsonObject("error").get("field").getAsString())
              .isEqualTo(field);
        });
    assertThat(
            call(
                    "POST",
                    "/incidents/" + id + "/uploads",
                    RESPONDER,
                    "{\"fileName\":\"a.txt\",\"contentType\":\"text/plain\",\"size\":0}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            call(
                    "POST",
                    "/incidents/" + id + "/uploads",
                    RESPONDER,
                    "{\"fileName\":\"a\\u0000b.txt\",\"contentType\":\"text/plain\",\"size\":3}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            call(
                    "POST",
                    "/incidents/" + id + "/uploads",
                    OUTSIDER,
                    "{\"fileName\":\"a.txt\",\"contentType\":\"text/plain\",\"size\":3}")
                .statusCode())
        .as("a responder not on the incident's team")
        .isEqualTo(403);
    assertThat(
            call(
                    "POST",
                    "/incidents/" + id + "/uploads",
                    LEGAL,
                    "{\"fileName\":\"a.txt\",\"contentType\":\"text/plain\",\"size\":3}")
                .statusCode())
        .as("not a responder")
        .isEqualTo(403);
    assertThat(DatabaseContents.documentPaths(db)).isEqualTo(before);
  }

  @Test
  void aDownloadIsForTheTeamThroughAShortLivedLinkAndEveryOneIsACustodyEntry() {
    String id = incident(RESPONDER);
    JsonObject evidence = uploaded(id, "auth.log", FILE);
    String evidenceId = evidence.get("id").getAsString();

    HttpResponse<String> link =
        call(
            "POST", "/incidents/" + id + "/evidence/" + evidenceId + "/downloads", RESPONDER, "{}");
    assertThat(link.statusCode()).as(link.body()).isEqualTo(201);
    HttpResponse<String> got =
        TestHttp.send("GET", uri(json(link).get("url").getAsString()), (byte[]) null);
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(FILE);
    assertThat(got.headers().firstValue("Content-Disposition").orElseThrow()).contains("auth.log");

    assertThat(
            call(
                    "POST",
                    "/incidents/" + id + "/evidence/" + evidenceId + "/downloads",
                    OUTSIDER,
                    "{}")
                .statusCode())
        .isEqualTo(403);
    assertThat(custodyActions(id, evidenceId)).containsExactly("COLLECTED", "ACCESSED");
  }

  /** Starts an upload; gives the answer with the signed request. */
  static JsonObject start(String id, String fileName, String type, long size) {
    HttpResponse<String> started =
        call(
            "POST",
            "/incidents/" + id + "/uploads",
            RESPONDER,
            "{\"fileName\":\""
                + fileName
                + "\",\"contentType\":\""
                + type
                + "\",\"size\":"
                + size
                + "}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    return json(started);
  }

  /** What the console does: start the resumable upload with the signed POST, then PUT the bytes. */
  static void browserUpload(JsonObject upload, byte[] bytes) {
    JsonObject signed = upload.getAsJsonObject("upload");
    List<String> headers = new ArrayList<>();
    signed
        .getAsJsonObject("headers")
        .entrySet()
        .forEach(
            h -> {
              headers.add(h.getKey());
              headers.add(h.getValue().getAsString());
            });
    HttpResponse<String> session =
        TestHttp.send(
            "POST",
            uri(signed.get("url").getAsString()),
            new byte[0],
            headers.toArray(String[]::new));
    assertThat(session.statusCode()).as(session.body()).isEqualTo(201);
    HttpResponse<String> put =
        TestHttp.send("PUT", uri(session.headers().firstValue("Location").orElseThrow()), bytes);
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
  }

  static HttpResponse<String> complete(String id, JsonObject upload, String sha256) {
    return call(
        "POST",
        "/incidents/" + id + "/uploads/" + upload.get("uploadId").getAsString() + "/complete",
        RESPONDER,
        "{\"sha256\":\"" + sha256 + "\"}");
  }

  static JsonObject uploaded(String id, String fileName, byte[] bytes) {
    JsonObject upload = start(id, fileName, "text/plain", bytes.length);
    browserUpload(upload, bytes);
    HttpResponse<String> done = complete(id, upload, VaultStorageTest.sha256(bytes));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
    return json(done);
  }

  static List<String> evidenceDocuments(String id) {
    return DatabaseContents.documentPaths(db).stream()
        .filter(p -> p.startsWith("incidents/" + id + "/evidence/") && p.split("/").length == 4)
        .toList();
  }

  static List<String> timelineTypes(String id) {
    try {
      return db
          .collection("incidents")
          .document(id)
          .collection("timeline")
          .get()
          .get()
          .getDocuments()
          .stream()
          .map(d -> d.getString("type"))
          .toList();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> custodyActions(String id, String evidenceId) {
    try {
      return db
          .collection("incidents")
          .document(id)
          .collection("evidence")
          .document(evidenceId)
          .collection("custody")
          .orderBy("sequence")
          .get()
          .get()
          .getDocuments()
          .stream()
          .map(d -> d.getString("action"))
          .toList();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String unique() {
    return UUID.randomUUID().toString();
  }
}
