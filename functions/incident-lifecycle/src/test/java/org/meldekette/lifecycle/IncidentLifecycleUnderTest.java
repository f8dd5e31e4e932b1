package org.meldekette.lifecycle;

import com.google.cloud.firestore.Firestore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.meldekette.config.Env;
import org.meldekette.testing.MutableClock;

/** The function as the invoker instantiates it in tests: the test's database, clock and key server. */
public class IncidentLifecycleUnderTest extends IncidentLifecycleFunction {
  static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
  static volatile Firestore db;
  static volatile MutableClock clock;
  static volatile String certsUrl;
  static volatile String queueUrl;

  public IncidentLifecycleUnderTest() {
    super(new Env(Map.of(
            "AUTH_AUDIENCE", ServedLifecycle.AUDIENCE,
            "AUTH_ISSUER", ServedLifecycle.ISSUER.issuer(),
            "AUTH_CERTS_URL", certsUrl,
            "ADMIN_EMAILS", "bootstrap@meldekette.test",
            "AUDIT_SINK", "stdout",
            "TASK_QUEUE", "local",
            "LOCAL_TASK_QUEUE_URL", queueUrl,
            "REMINDER_URL", "http://127.0.0.1:9/tasks/reminder")),
        () -> db, clock, new PrintStream(LOG, true, StandardCharsets.UTF_8));
  }
}
