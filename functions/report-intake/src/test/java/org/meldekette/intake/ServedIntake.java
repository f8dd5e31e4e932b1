package org.meldekette.intake;

import com.google.cloud.firestore.Firestore;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.meldekette.dev.LocalTaskQueue;
import org.meldekette.testing.ApiContract;
import org.meldekette.testing.FirestoreExtension;
import org.meldekette.testing.FunctionServer;
import org.meldekette.testing.TestHttp;

/** Serves {@link ReportIntakeUnderTest} over HTTP on the test class's own emulator database. */
@ExtendWith(FirestoreExtension.class)
abstract class ServedIntake {
  static final String JSON = "application/json";
  static final String FORM = "application/x-www-form-urlencoded";

  /** Every answer the tests receive is checked against the API description. */
  static final ApiContract CONTRACT = ApiContract.of("report-intake.openapi.yaml");

  static FunctionServer server;
  static Firestore db;
  static LocalTaskQueue queue;

  @BeforeAll
  static void start(Firestore database) throws Exception {
    db = database;
    ReportIntakeUnderTest.db = database;
    queue =
        new LocalTaskQueue(
            0,
            "tasks@meldekette.test",
            java.time.Clock.fixed(ReportIntakeUnderTest.NOW, java.time.ZoneOffset.UTC));
    ReportIntakeUnderTest.queueUrl = queue.url();
    server = FunctionServer.start(ReportIntakeUnderTest.class, "http").checkedAgainst(CONTRACT);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    queue.close();
  }

  static HttpResponse<String> post(String contentType, String body, String... headers) {
    List<String> all = new ArrayList<>(List.of("Content-Type", contentType));
    all.addAll(List.of(headers));
    return TestHttp.send("POST", server.uri("/"), body, all.toArray(String[]::new));
  }
}
