package org.meldekette.audit;

import com.google.cloud.logging.v2.LoggingClient;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import org.meldekette.config.Env;
import org.meldekette.config.Lazy;

/**
 * Chooses the audit sink from {@code AUDIT_SINK}: {@code cloud-logging} (the default; needs {@code
 * GOOGLE_CLOUD_PROJECT}) or {@code stdout} (the local stack). The Cloud Logging client is built on
 * the first event, not at start.
 */
public final class AuditSinks {
  private AuditSinks() {}

  public static AuditSink fromEnvironment(Env env, PrintStream stdout) {
    String kind = env.get("AUDIT_SINK", "cloud-logging");
    return switch (kind) {
      case "stdout" -> new StdoutAuditSink(stdout);
      case "cloud-logging" ->
          new CloudLoggingAuditSink(
              Lazy.of(
                  () -> {
                    try {
                      return LoggingClient.create();
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  }),
              env.require("GOOGLE_CLOUD_PROJECT"));
      default ->
          throw new IllegalStateException(
              "AUDIT_SINK must be cloud-logging or stdout, not " + kind);
    };
  }
}
