package org.meldekette.intake;

import com.google.cloud.firestore.Firestore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.meldekette.config.Env;

/**
 * The function as the invoker instantiates it in tests: the test's database, a fixed clock, a
 * captured log.
 */
public class ReportIntakeUnderTest extends ReportIntakeFunction {
  static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
  static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
  static volatile Firestore db;

  /** The local task queue the function queues its announcements in. */
  static volatile String queueUrl = "http://127.0.0.1:9";

  public ReportIntakeUnderTest() {
    super(
        new Env(
            Map.ofEntries(
                // These tests send many reports from one address; AbuseTest keeps the defaults.
                Map.entry("REPORT_CLIENT_LIMITS", "100000/PT10M"),
                Map.entry("REPORT_SURGE_RATE", "100000/PT10M"),
                Map.entry("REPORT_FORM_ORIGINS", "https://report.example.com"),
                Map.entry("GOOGLE_CLOUD_PROJECT", "test"),
                Map.entry("AUDIT_SINK", "stdout"),
                Map.entry("TASK_QUEUE", "local"),
                Map.entry("LOCAL_TASK_QUEUE_URL", queueUrl),
                Map.entry("TASKS_TARGET_URL", "http://127.0.0.1:9"),
                Map.entry("REPORT_SITE_URL", "https://report.example.com"))),
        () -> db,
        Clock.fixed(NOW, ZoneOffset.UTC),
        new PrintStream(LOG, true, StandardCharsets.UTF_8));
  }

  static String logText() {
    return LOG.toString(StandardCharsets.UTF_8);
  }
}
