package org.meldekette.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * A retention extension must be lifted or renewed, with a justification, before its incident can
 * close.
 */
class RetentionExtensionsTest extends ServedLifecycle {

  /**
   * A plain incident skipped (with approval) to recovery, with its corrective and preventive
   * measures.
   */
  private static String readyToClose() throws Exception {
    String id = newIncident();
    String base = "/incidents/" + id;
    String etag = triaged(id);
    HttpResponse<String> filed =
        call(
            "POST",
            base + "/skip-requests",
            RESPONDER,
            etag,
            "{\"to\":\"RECOVERY_CLOSURE\",\"justification\":\"Vendor incident, handled by the vendor.\"}");
    etag =
        write(
            "POST",
            base + "/skip-requests/" + body(filed).get("id").getAsString() + "/approve",
            SECOND_LINE,
            filed.headers().firstValue("ETag").orElseThrow(),
            null,
            200);
    etag =
        write(
            "POST",
            base + "/measures",
            RESPONDER,
            etag,
            """
        {"type":"CORRECTIVE","description":"Rotate API keys","owner":"platform","dueAt":"2026-12-01T00:00:00Z"}""",
            201);
    write(
        "POST",
        base + "/measures",
        RESPONDER,
        etag,
        """
        {"type":"PREVENTIVE","description":"Vendor review","owner":"procurement","dueAt":"2027-01-01T00:00:00Z"}""",
        201);
    restored(id, etag(id));
    return id;
  }

  @Test
  void anOpenExtensionBlocksClosureUntilRenewedWithAJustification() throws Exception {
    String id = readyToClose();
    String base = "/incidents/" + id;
    HttpResponse<String> extended =
        call(
            "POST",
            base + "/retention-extensions",
            LEGAL,
            etag(id),
            """
        {"what":"Vendor API access logs, 90 days","until":"2027-06-30T00:00:00Z",
         "justification":"Pending insurance claim needs the logs."}""");
    assertThat(extended.statusCode()).as(extended.body()).isEqualTo(201);
    String extension = body(extended).get("id").getAsString();

    HttpResponse<String> blocked =
        call("POST", base + "/transitions", RESPONDER, etag(id), "{\"to\":\"CLOSED\"}");
    assertThat(unmet(blocked)).containsExactly("RETENTION_EXTENSION_OPEN");
    assertThat(
            refused(
                call(
                    "POST",
                    base + "/retention-extensions/" + extension + "/renew",
                    LEGAL,
                    etag(id),
                    "{\"until\":\"2027-12-31T00:00:00Z\"}"),
                400))
        .isEqualTo("REQUIRED");
    write(
        "POST",
        base + "/retention-extensions/" + extension + "/renew",
        LEGAL,
        etag(id),
        "{\"until\":\"2027-12-31T00:00:00Z\",\"justification\":\"The claim runs into 2027.\"}",
        200);
    write(
        "POST",
        base + "/transitions",
        RESPONDER,
        etag(id),
        "{\"to\":\"CLOSED\",\"missedReason\":\"Taken up in the weekly review instead.\"}",
        200);

    var listed =
        body(call("GET", base + "/retention-extensions", RESPONDER, null, null))
            .getAsJsonArray("retentionExtensions")
            .get(0)
            .getAsJsonObject();
    assertThat(listed.get("status").getAsString()).isEqualTo("RENEWED");
    assertThat(listed.get("until").getAsString()).isEqualTo("2027-12-31T00:00:00Z");
    JsonObject incident = body(call("GET", base, RESPONDER, null, null));
    assertThat(incident.get("retainUntil").getAsString())
        .as("six years after closure by default")
        .isEqualTo(
            java.time.OffsetDateTime.parse(incident.get("closedAt").getAsString())
                .plusYears(6)
                .toInstant()
                .toString());
  }

  @Test
  void aLiftedExtensionNoLongerBlocksAndCannotBeRenewed() throws Exception {
    String id = readyToClose();
    String base = "/incidents/" + id;
    String extension =
        body(call(
                "POST",
                base + "/retention-extensions",
                DPO,
                etag(id),
                """
        {"what":"Mailbox export","until":"2027-03-01T00:00:00Z","justification":"Possible dispute."}"""))
            .get("id")
            .getAsString();
    write(
        "POST",
        base + "/retention-extensions/" + extension + "/lift",
        DPO,
        etag(id),
        "{\"justification\":\"No dispute came.\"}",
        200);
    assertThat(
            refused(
                call(
                    "POST",
                    base + "/retention-extensions/" + extension + "/renew",
                    DPO,
                    etag(id),
                    "{\"until\":\"2027-12-31T00:00:00Z\",\"justification\":\"x\"}"),
                409))
        .isEqualTo("EXTENSION_LIFTED");
    write(
        "POST",
        base + "/transitions",
        RESPONDER,
        etag(id),
        "{\"to\":\"CLOSED\",\"missedReason\":\"Taken up in the weekly review instead.\"}",
        200);
  }
}
