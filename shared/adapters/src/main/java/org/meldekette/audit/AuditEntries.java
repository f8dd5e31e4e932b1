package org.meldekette.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.meldekette.domain.AuditEvent;

/** An audit event as every sink writes it, and as the API shows it: labels and payload. */
public final class AuditEntries {
  private AuditEntries() {}

  /** Labels to filter the audit log by: incident, event type and actor role. */
  static Map<String, String> labels(AuditEvent event) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (event.incidentId() != null) {
      labels.put("incidentId", event.incidentId());
    }
    labels.put("eventType", event.type());
    labels.put("actorRole", event.actor().role());
    return labels;
  }

  /**
   * The event as the entry's JSON payload, with its hashes: a locked log bucket anchors the chain.
   */
  public static Map<String, Object> payload(AuditEvent event) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("eventId", event.id());
    payload.put("stream", event.stream());
    payload.put("sequence", event.sequence());
    payload.put("type", event.type());
    payload.put(
        "actor",
        Map.of(
            "kind",
            event.actor().kind().name(),
            "id",
            event.actor().id(),
            "role",
            event.actor().role()));
    payload.put("at", event.at().toString());
    payload.put("incidentId", event.incidentId());
    payload.put("summary", event.summary());
    payload.put("before", event.before());
    payload.put("after", event.after());
    payload.put("previousHash", event.previousHash());
    payload.put("hash", event.hash());
    return payload;
  }
}
