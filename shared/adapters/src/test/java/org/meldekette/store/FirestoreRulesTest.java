package org.meldekette.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.firestore.Firestore;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.meldekette.testing.FirestoreEmulator;
import org.meldekette.testing.FirestoreExtension;
import org.meldekette.testing.TestHttp;

/**
 * firestore.rules, loaded into the emulator, refuses every client that is not one of Meldekette's
 * service accounts: an unauthenticated client can neither read nor write, while the server client
 * (as the functions use it) is not bound by the rules.
 */
@ExtendWith(FirestoreExtension.class)
class FirestoreRulesTest {
  @Test
  void anUnauthenticatedClientCanNeitherReadNorWrite(Firestore db) throws Exception {
    db.collection("incidents").document("INC-20261122-RULES1").set(Map.of("title", "secret")).get();
    String project = db.getOptions().getProjectId();
    String documents =
        "http://"
            + FirestoreEmulator.shared().host()
            + "/v1/projects/"
            + project
            + "/databases/(default)/documents";

    HttpResponse<String> read =
        TestHttp.send(
            "GET", URI.create(documents + "/incidents/INC-20261122-RULES1"), (String) null);
    HttpResponse<String> list =
        TestHttp.send("GET", URI.create(documents + "/incidents"), (String) null);
    HttpResponse<String> write =
        TestHttp.send(
            "POST",
            URI.create(documents + "/incidents?documentId=INC-20261122-RULES2"),
            "{\"fields\":{\"title\":{\"stringValue\":\"planted\"}}}",
            "Content-Type",
            "application/json");

    assertThat(read.statusCode()).as(read.body()).isEqualTo(403);
    assertThat(list.statusCode()).as(list.body()).isEqualTo(403);
    assertThat(write.statusCode()).as(write.body()).isEqualTo(403);
    assertThat(read.body()).doesNotContain("secret");
    assertThat(db.collection("incidents").document("INC-20261122-RULES2").get().get().exists())
        .isFalse();
  }
}
