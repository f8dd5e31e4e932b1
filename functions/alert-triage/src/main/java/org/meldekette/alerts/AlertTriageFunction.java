package org.meldekette.alerts;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.functions.CloudEventsFunction;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.meldekette.audit.AuditExport;
import org.meldekette.audit.AuditSinks;
import org.meldekette.config.Env;
import org.meldekette.config.RegimeConfig;
import org.meldekette.domain.IncidentIds;
import org.meldekette.domain.alert.Alert;
import org.meldekette.domain.alert.AlertRule;
import org.meldekette.domain.alert.AlertRules;
import org.meldekette.log.StructuredLog;
import org.meldekette.store.AlertStore;
import org.meldekette.store.CommitListener;
import org.meldekette.store.FirestoreClients;
import org.meldekette.tasks.IncidentAnnouncer;
import org.meldekette.tasks.TaskQueues;

/**
 * {@code alert-triage}: Cloud Monitoring alerts (and generic alerts) from Pub/Sub become
 * deduplicated incidents. Entry point {@code org.meldekette.alerts.AlertTriageFunction}, triggered
 * by {@code google.cloud.pubsub.topic.v1.messagePublished}.
 *
 * <p>Returning acknowledges the message: after it was handled, after a redelivery of it, and after
 * a malformed message was recorded as rejected (retrying it would never help). Throwing makes
 * Pub/Sub retry: that is what a transient failure (Firestore unavailable) does, and its transaction
 * left nothing behind.
 */
public class AlertTriageFunction implements CloudEventsFunction {
  private final AlertRules rules;
  private final AlertStore store;
  private final StructuredLog log;

  public AlertTriageFunction() {
    this(Env.system(), FirestoreClients.forFunction(Env.system()), Clock.systemUTC(), System.out);
  }

  AlertTriageFunction(Env env, Supplier<Firestore> db, Clock clock, PrintStream logOutput) {
    this.log = new StructuredLog(env.get("GOOGLE_CLOUD_PROJECT", null), logOutput);
    this.rules = AlertRules.parse(rulesJson(env));
    AuditExport audit = new AuditExport(db, AuditSinks.fromEnvironment(env, logOutput), log, clock);
    this.store =
        new AlertStore(
            db,
            new IncidentIds(clock, new SecureRandom()),
            clock,
            Duration.ofDays(env.integer("DELIVERY_TTL_DAYS", 8)),
            RegimeConfig.policy(env),
            CommitListener.all(
                audit, new IncidentAnnouncer(TaskQueues.fromEnvironment(env), log, clock)));
  }

  /**
   * The rules: {@code ALERT_RULES_FILE} when set, else the defaults shipped in {@code
   * alert-rules.json}.
   */
  static String rulesJson(Env env) {
    String file = env.get("ALERT_RULES_FILE", null);
    try {
      if (file != null) {
        return Files.readString(Path.of(file), StandardCharsets.UTF_8);
      }
      try (InputStream in = AlertTriageFunction.class.getResourceAsStream("/alert-rules.json")) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the alert rules", e);
    }
  }

  @Override
  public void accept(CloudEvent event) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("function", "alert-triage");
    PubSubMessage message;
    Alert alert;
    try {
      message = PubSubMessage.of(event);
    } catch (MalformedAlert e) {
      rejected(event.getId(), e, 0, null, labels);
      return;
    }
    try {
      alert = AlertParser.parse(message.data());
    } catch (MalformedAlert e) {
      rejected(message.messageId(), e, message.data().length, message, labels);
      return;
    }
    AlertRule rule = rules.classify(alert);
    AlertStore.Outcome outcome =
        store.process(message.messageId(), alert, rule, rules.groupKey(alert, rule));
    labels.put("signal", rule.signal());
    labels.put("effect", outcome.duplicate() ? "DUPLICATE_DELIVERY" : outcome.effect().name());
    if (outcome.incidentId() != null) {
      labels.put("incidentId", outcome.incidentId());
    }
    log.write(
        StructuredLog.Severity.INFO,
        "alert "
            + labels.get("effect").toLowerCase()
            + (outcome.incidentCreated() ? ", incident opened" : ""),
        labels,
        Map.of("messageId", message.messageId(), "severity_rule", rule.severity().name()),
        null);
  }

  private void rejected(
      String messageId,
      MalformedAlert reason,
      int bytes,
      PubSubMessage message,
      Map<String, String> labels) {
    store.reject(
        messageId,
        reason.code(),
        reason.getMessage(),
        bytes,
        message == null ? null : message.publishTime());
    labels.put("effect", "REJECTED");
    labels.put("reason", reason.code());
    log.write(
        StructuredLog.Severity.WARNING,
        "alert message rejected: " + reason.getMessage(),
        labels,
        Map.of("messageId", messageId),
        null);
  }
}
