package org.meldekette.alerts;

import com.google.cloud.firestore.Firestore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.meldekette.config.Env;
import org.meldekette.testing.MutableClock;

/**
 * The function as the invoker instantiates it in tests; the database may be swapped between
 * deliveries.
 */
public class AlertTriageUnderTest extends AlertTriageFunction {
  static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
  static volatile Firestore db;
  static volatile MutableClock clock;

  /** The local task queue new incidents are announced through; nothing listens by default. */
  static volatile String queueUrl = "http://127.0.0.1:9";

  public AlertTriageUnderTest() {
    super(
        new Env(
            Map.of(
                "AUDIT_SINK",
                "stdout",
                "GOOGLE_CLOUD_PROJECT",
                "test",
                "TASK_QUEUE",
                "local",
                "LOCAL_TASK_QUEUE_URL",
                queueUrl,
                "TASKS_TARGET_URL",
                "http://127.0.0.1:9")),
        () -> db,
        clock,
        new PrintStream(LOG, true, StandardCharsets.UTF_8));
  }
}
