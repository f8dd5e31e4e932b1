package org.meldekette.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.meldekette.testing.TestHttp;

/**
 * A generated corpus of 2,000 malformed and hostile messages through the inbound route: every one
 * is kept raw and filed or flagged, none gets a 5xx, none is filed twice when posted again.
 */
class HostileMailTest extends ServedMailbox {
  private static final int MESSAGES = 2000;

  private static HttpResponse<String> post(byte[] raw) {
    return TestHttp.send(
        "POST",
        server.uri("/inbound"),
        raw,
        "Content-Type",
        "message/rfc822",
        "Authorization",
        "Bearer " + INBOUND_SECRET);
  }

  @Test
  void noHostileMessageGetsA5xxAndEachIsKeptRaw() throws Exception {
    Random random = new Random(20261204);
    Map<Integer, Integer> statuses = new TreeMap<>();
    byte[] seventh = null;
    for (int i = 0; i < MESSAGES; i++) {
      byte[] raw = HostileCorpus.message(random, i);
      if (i == 7) {
        seventh = raw;
      }
      HttpResponse<String> answer = post(raw);
      statuses.merge(answer.statusCode(), 1, Integer::sum);
      assertThat(answer.statusCode()).as("message %d: %s", i, answer.body()).isLessThan(500);
    }
    assertThat(statuses.keySet()).as("200, or 400 for an empty message").isSubsetOf(200, 400);
    long kept = db.collection("mail-raw").count().get().get().getCount();
    assertThat(kept)
        .as("every non-empty message kept raw")
        .isGreaterThanOrEqualTo(statuses.getOrDefault(200, 0) / 2);

    // Posted again, a message is not filed a second time.
    assertThat(TestHttp.json(post(seventh)).get("result").getAsString()).isEqualTo("ALREADY_TAKEN");
  }

  @Test
  void theInboundRouteRefusesWithoutTheSecretAndStoresNothing() throws Exception {
    long before = db.collection("mail-raw").count().get().get().getCount();
    HttpResponse<String> refused =
        TestHttp.send(
            "POST",
            server.uri("/inbound"),
            "From: a@b.c\r\n\r\nx".getBytes(StandardCharsets.US_ASCII),
            "Content-Type",
            "message/rfc822",
            "Authorization",
            "Bearer wrong");
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(db.collection("mail-raw").count().get().get().getCount()).isEqualTo(before);
  }

  @Test
  void aMailOverTheCapIsKeptRawAndFlaggedNeverLost() throws Exception {
    String body = "x".repeat(3 * 1024 * 1024); // over the test's 2 MiB cap
    byte[] raw =
        ("From: big@example.org\r\nSubject: Full log attached\r\nMessage-ID: <big-1@example.org>\r\n"
                + authenticated("pass")
                + "\r\n"
                + body)
            .getBytes(StandardCharsets.US_ASCII);
    assertThat(TestHttp.json(post(raw)).get("result").getAsString()).isEqualTo("NEW_REPORT");
    var entry =
        db.collectionGroup("mail").whereEqualTo("fromAddress", "big@example.org").get().get();
    assertThat(String.valueOf(entry.getDocuments().get(0).get("flags"))).contains("OVERSIZED");
    String sha = MimeParser.sha256(raw);
    assertThat(db.collection("mail-raw").document(sha).get().get().getLong("size"))
        .isEqualTo((long) raw.length);
  }
}
