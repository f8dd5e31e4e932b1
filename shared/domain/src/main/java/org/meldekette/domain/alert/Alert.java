package org.meldekette.domain.alert;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.meldekette.domain.Hashes;

/**
 * One alert notification, whatever sent it: a Cloud Monitoring incident or a generic source.
 *
 * @param key identifies one occurrence of an alert across its open and closed notifications
 * @param labels the alert policy's user labels (or a generic alert's labels): what the rules match
 *     first
 * @param resource the alerting resource's type and labels, for grouping
 * @param url the console link of the alert, shown to people
 */
public record Alert(
    String source,
    String key,
    AlertState state,
    Instant startedAt,
    Instant endedAt,
    String policyName,
    Map<String, String> labels,
    String conditionName,
    String metricType,
    Resource resource,
    String url,
    String sourceSeverity) {

  public enum AlertState {
    OPEN,
    CLOSED
  }

  /**
   * The resource an alert is about; its identity is its type with its labels, in a stable order.
   */
  public record Resource(String type, Map<String, String> labels, String displayName) {
    public Resource {
      labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public String identity() {
      return type + new TreeMap<>(labels);
    }

    public String name() {
      return displayName != null && !displayName.isBlank() ? displayName : identity();
    }
  }

  public Alert {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(startedAt, "startedAt");
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    Objects.requireNonNull(resource, "resource");
  }

  /** A document ID for the alert: the key hashed, since keys come from outside. */
  public String documentId() {
    return Hashes.sha256(key).substring(0, 40);
  }
}
