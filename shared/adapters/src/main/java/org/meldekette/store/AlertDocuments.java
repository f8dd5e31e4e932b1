package org.meldekette.store;

import com.google.cloud.firestore.DocumentSnapshot;
import java.util.Map;
import org.meldekette.domain.Severity;
import org.meldekette.domain.alert.Alert;
import org.meldekette.domain.alert.AlertRecord;

/** Maps an {@link AlertRecord} to {@code alerts/{id}} and back. */
final class AlertDocuments {
  private AlertDocuments() {}

  public static Map<String, Object> fields(AlertRecord r) {
    return Doc.fields()
        .put("key", r.key())
        .put("source", r.source())
        .put("state", r.state())
        .put("rule", r.rule())
        .put("signal", r.signal())
        .put("severity", r.severity())
        .put("groupKey", r.groupKey())
        .put("incidentId", r.incidentId())
        .put("policyName", r.policyName())
        .put("resourceName", r.resourceName())
        .put("url", r.url())
        .put("startedAt", r.startedAt())
        .put("endedAt", r.endedAt())
        .map();
  }

  public static AlertRecord record(DocumentSnapshot snapshot) {
    Doc d = Doc.of(snapshot.getData());
    return new AlertRecord(
        d.string("key"),
        d.string("source"),
        d.enumValue("state", Alert.AlertState.class),
        d.string("rule"),
        d.string("signal"),
        d.enumValue("severity", Severity.class),
        d.string("groupKey"),
        d.string("incidentId"),
        d.string("policyName"),
        d.string("resourceName"),
        d.string("url"),
        d.instant("startedAt"),
        d.instant("endedAt"));
  }
}
