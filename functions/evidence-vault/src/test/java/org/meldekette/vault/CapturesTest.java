package org.meldekette.vault;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meldekette.dev.LocalTaskQueue;
import org.meldekette.testing.DatabaseContents;
import org.meldekette.testing.TestHttp;

/**
 * Securing Cloud Logging entries: a capture reads page by page in task steps and becomes one piece
 * of evidence (the entries in one object, and a manifest) only when complete; a capture stopped
 * half-way resumes to the same bytes, and a repeated task records nothing twice.
 */
class CapturesTest extends ServedVault {
  static final String FLOW_FILTER = "resource.type=\"gce_subnetwork\"";
  static final Instant FROM = T0.minus(Duration.ofHours(31));
  static final Instant TO = T0;

  @Test
  void aCaptureOf50000EntriesYieldsOneObjectWhoseCountAndHashTheManifestAndEvidenceRecord()
      throws Exception {
    String id = incident(RESPONDER);
    Captured captured = capture(id, FLOW_FILTER);

    assertThat(captured.evidence().get("source").getAsString()).isEqualTo("VPC_FLOW_LOGS");
    assertThat(captured.evidence().get("collectedBy").getAsString()).isEqualTo(RESPONDER);
    assertThat(captured.lines()).hasSize(FLOWS);
    assertThat(captured.lines())
        .allSatisfy(line -> assertThat(line).contains("\"type\":\"gce_subnetwork\""));
    assertThat(captured.manifest().get("entryCount").getAsLong()).isEqualTo(FLOWS);
    JsonObject file = captured.manifest().getAsJsonArray("files").get(0).getAsJsonObject();
    assertThat(file.get("sha256").getAsString())
        .isEqualTo(VaultStorageTest.sha256(captured.data()));
    assertThat(captured.evidence().get("sha256").getAsString())
        .isEqualTo(VaultStorageTest.sha256(captured.manifestBytes()));
    assertThat(captured.manifest().get("boundedFilter").getAsString())
        .contains(FLOW_FILTER)
        .contains("timestamp>=\"" + FROM + "\"");
    assertThat(storage.buckets().require(VAULT, captured.dataObject()).eventBasedHold()).isTrue();
    assertThat(storage.buckets().list(STAGING, "captures/")).as("staged pages removed").isEmpty();
  }

  @Test
  void aCaptureStoppedHalfWayResumesToTheSameBytesWithOneEvidenceRecord() throws Exception {
    String reference = capture(incident(RESPONDER), FLOW_FILTER).dataSha256();

    String id = incident(RESPONDER);
    String captureId = start(id, FLOW_FILTER, null);
    // Step 0 reads, step 1 is refused by Cloud Logging half-way through its pages.
    queue.deliverDue();
    logging.failNext(1);
    queue.deliverDue();
    assertThat(logging.pendingFailures()).as("the failure happened").isZero();
    assertThat(state(id, captureId)).isEqualTo("RUNNING");
    assertThat(captureView(id, captureId).get("steps").getAsInt())
        .as("step 1 not taken")
        .isEqualTo(1);
    // Joining the pages stops after the entries' object was written, before its manifest.
    storage.failNext("manifest.json", 1);
    drainTasks();
    assertThat(storage.pendingFailures()).as("the failure happened").isZero();
    assertThat(state(id, captureId)).isEqualTo("COMPLETE");
    Captured resumed = captured(id, captureId);
    assertThat(resumed.dataSha256()).isEqualTo(reference);
    assertThat(resumed.lines()).hasSize(FLOWS);
    assertThat(UploadsTest.evidenceDocuments(id)).hasSize(1);

    // Every step delivered again (Cloud Tasks delivers at least once): nothing more.
    for (int step = 0; step <= 5; step++) {
      queue.deliver(
          new LocalTaskQueue.Task(
              "again-" + UUID.randomUUID(),
              clock.instant(),
              server.uri("/tasks/capture").toString(),
              AUDIENCE,
              "{\"incidentId\":\""
                  + id
                  + "\",\"captureId\":\""
                  + captureId
                  + "\",\"step\":"
                  + step
                  + "}",
              0));
    }
    drainTasks();
    assertThat(UploadsTest.evidenceDocuments(id)).hasSize(1);
    assertThat(UploadsTest.timelineTypes(id)).containsOnlyOnce("EVIDENCE_ADDED");
  }

  @Test
  void aCaptureThatWouldReadMoreThanTheLimitFailsWithAClearReasonAndRecordsNothing() {
    String id = incident(RESPONDER);
    String captureId = start(id, "logName:\"projects/" + PROJECT + "/logs/\"", null);
    drainTasks();
    JsonObject capture = captureView(id, captureId);
    assertThat(capture.get("state").getAsString()).isEqualTo("FAILED");
    assertThat(capture.get("failure").getAsString())
        .contains("more than " + MAX_CAPTURE_ENTRIES)
        .contains("narrow the filter");
    assertThat(UploadsTest.evidenceDocuments(id)).isEmpty();
    assertThat(storage.buckets().list(VAULT, "incidents/" + id + "/")).isEmpty();
  }

  @Test
  void aDoubleClickedCaptureStartsOnce() {
    String id = incident(RESPONDER);
    String key = UUID.randomUUID().toString();
    String first = start(id, FLOW_FILTER, key);
    String second = start(id, FLOW_FILTER, key);
    assertThat(second).isEqualTo(first);
    assertThat(
            json(call("GET", "/incidents/" + id + "/captures", RESPONDER, null))
                .getAsJsonArray("captures"))
        .hasSize(1);
  }

  @Test
  void badCapturesAreRefusedBeforeAnythingStarts() {
    String id = incident(RESPONDER);
    TreeSet<String> before = DatabaseContents.documentPaths(db);
    List<String[]> bad =
        List.of(
            new String[] {
              "filter", body(FLOW_FILTER + " AND timestamp>\"2026-12-01T00:00:00Z\"", FROM, TO)
            },
            new String[] {"filter", body("resource.type=(((", FROM, TO)},
            new String[] {"filter", body("", FROM, TO)},
            new String[] {"from", body(FLOW_FILTER, TO.minus(Duration.ofDays(40)), TO)},
            new String[] {"to", body(FLOW_FILTER, FROM, T0.plus(Duration.ofDays(1)))},
            new String[] {"to", body(FLOW_FILTER, TO, FROM)});
    for (String[] c : bad) {
      HttpResponse<String> refused =
          call("POST", "/incidents/" + id + "/captures", RESPONDER, c[1]);
      assertThat(refused.statusCode()).as(c[1]).isEqualTo(400);
      assertThat(json(refused).getAsJsonObject("error").get("field").getAsString())
          .as(c[1])
          .isEqualTo(c[0]);
    }
    assertThat(
            call("POST", "/incidents/" + id + "/captures", OUTSIDER, body(FLOW_FILTER, FROM, TO))
                .statusCode())
        .as("an incident one has no need to know")
        .isEqualTo(403);
    assertThat(
            call("POST", "/incidents/" + id + "/captures", null, body(FLOW_FILTER, FROM, TO))
                .statusCode())
        .isEqualTo(401);
    assertThat(DatabaseContents.documentPaths(db)).isEqualTo(before);
    assertThat(queue.pending()).isEmpty();
  }

  @Test
  void thePresetsNameTheForensicSourcesAndTheWindowFromADayBeforeDetection() {
    String id = incident(RESPONDER);
    JsonObject presets =
        json(call("GET", "/incidents/" + id + "/captures/presets", RESPONDER, null));
    assertThat(presets.get("from").getAsString())
        .isEqualTo(T0.minus(Duration.ofHours(2)).minus(Duration.ofHours(24)).toString());
    assertThat(presets.getAsJsonArray("presets").toString())
        .contains("VPC_FLOW_LOGS")
        .contains("compute.googleapis.com%2Fvpc_flows")
        .contains("cloudaudit.googleapis.com%2Factivity")
        .contains("cloudaudit.googleapis.com%2Fdata_access");
  }

  record Captured(
      JsonObject evidence,
      JsonObject manifest,
      byte[] manifestBytes,
      String dataObject,
      byte[] data,
      List<String> lines) {
    String dataSha256() {
      return VaultStorageTest.sha256(data);
    }
  }

  /** Captures {@code filter} over the window, running every task; gives what it secured. */
  static Captured capture(String id, String filter) throws Exception {
    String captureId = start(id, filter, null);
    drainTasks();
    assertThat(state(id, captureId)).isEqualTo("COMPLETE");
    return captured(id, captureId);
  }

  static Captured captured(String id, String captureId) throws Exception {
    String evidenceId = captureView(id, captureId).get("evidenceId").getAsString();
    var doc =
        db.collection("incidents")
            .document(id)
            .collection("evidence")
            .document(evidenceId)
            .get()
            .get();
    JsonObject evidence = new JsonObject();
    for (String field : List.of("source", "collectedBy", "sha256")) {
      evidence.addProperty(field, doc.getString(field));
    }
    String manifestObject = "incidents/" + id + "/" + evidenceId + "/manifest.json";
    byte[] manifestBytes = object(VAULT, manifestObject);
    JsonObject manifest =
        JsonParser.parseString(new String(manifestBytes, StandardCharsets.UTF_8)).getAsJsonObject();
    String dataObject = "incidents/" + id + "/" + evidenceId + "/log-entries.ndjson.gz";
    byte[] data = object(VAULT, dataObject);
    return new Captured(evidence, manifest, manifestBytes, dataObject, data, gunzipLines(data));
  }

  static String start(String id, String filter, String key) {
    HttpResponse<String> started =
        key == null
            ? call("POST", "/incidents/" + id + "/captures", RESPONDER, body(filter, FROM, TO))
            : call(
                "POST",
                "/incidents/" + id + "/captures",
                RESPONDER,
                body(filter, FROM, TO),
                "Idempotency-Key",
                key);
    assertThat(started.statusCode()).as(started.body()).isIn(200, 202);
    return json(started).get("id").getAsString();
  }

  static String body(String filter, Instant from, Instant to) {
    return "{\"filter\":"
        + new com.google.gson.JsonPrimitive(filter)
        + ",\"from\":\""
        + from
        + "\",\"to\":\""
        + to
        + "\",\"source\":\"VPC_FLOW_LOGS\"}";
  }

  static JsonObject captureView(String id, String captureId) {
    for (var c :
        json(call("GET", "/incidents/" + id + "/captures", RESPONDER, null))
            .getAsJsonArray("captures")) {
      if (c.getAsJsonObject().get("id").getAsString().equals(captureId)) {
        return c.getAsJsonObject();
      }
    }
    throw new AssertionError("no capture " + captureId);
  }

  static String state(String id, String captureId) {
    return captureView(id, captureId).get("state").getAsString();
  }

  static HttpResponse<String> raw(String url) {
    return TestHttp.send("GET", uri(url), (byte[]) null);
  }
}
