package org.meldekette.lifecycle;

import com.google.cloud.firestore.Firestore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.meldekette.config.Env;
import org.meldekette.testing.MutableClock;

/**
 * The function as the invoker instantiates it in tests: the test's database, clock and key server.
 */
public class IncidentLifecycleUnderTest extends IncidentLifecycleFunction {
  static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
  static volatile Firestore db;
  static volatile MutableClock clock;
  static volatile String certsUrl;
  static volatile String queueUrl;

  public IncidentLifecycleUnderTest() {
    super(
        new Env(
            Map.ofEntries(
                Map.entry(
                    "AUTH_AUDIENCE",
                    ServedLifecycle.AUDIENCE + "," + ServedLifecycle.CONSOLE_CLIENT_ID),
                Map.entry("AUTH_ISSUER", ServedLifecycle.ISSUER.issuer()),
                Map.entry("AUTH_CERTS_URL", certsUrl),
                Map.entry("ADMIN_EMAILS", "bootstrap@meldekette.test"),
                Map.entry("AUDIT_SINK", "stdout"),
                Map.entry("TASK_QUEUE", "local"),
                Map.entry("LOCAL_TASK_QUEUE_URL", queueUrl),
                Map.entry("TASKS_TARGET_URL", "http://127.0.0.1:9"),
                Map.entry("VAULT_TASKS_TARGET_URL", "http://127.0.0.1:10/vault"),
                Map.entry("CONTROLLER_NAME", "Beispiel GmbH, Musterstraße 1, 10115 Berlin"),
                Map.entry("DPO_NAME", "Dr. Datenschutz"),
                Map.entry("DPO_CONTACT", "dpo@beispiel.example, +49 30 1234567"),
                Map.entry("REGIMES", "GDPR,INTERNAL,NIS2,DORA"))),
        () -> db,
        clock,
        new PrintStream(LOG, true, StandardCharsets.UTF_8));
  }
}
