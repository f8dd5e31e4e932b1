package org.meldekette.intake;

import com.google.cloud.firestore.Firestore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.meldekette.config.Env;

/**
 * The function with the limits it ships with (nothing about them configured): the per-client
 * budgets and the system-wide rate a deployment gets by default.
 */
public class LimitedIntakeUnderTest extends ReportIntakeFunction {
  static volatile Firestore db;
  static volatile String queueUrl = "http://127.0.0.1:9";

  public LimitedIntakeUnderTest() {
    super(
        new Env(
            Map.of(
                "GOOGLE_CLOUD_PROJECT",
                "test",
                "AUDIT_SINK",
                "stdout",
                "TASK_QUEUE",
                "local",
                "LOCAL_TASK_QUEUE_URL",
                queueUrl,
                "TASKS_TARGET_URL",
                "http://127.0.0.1:9")),
        () -> db,
        Clock.fixed(ReportIntakeUnderTest.NOW, ZoneOffset.UTC),
        new PrintStream(new ByteArrayOutputStream()));
  }
}
