package org.meldekette.store;

import com.google.cloud.firestore.DocumentSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentSource;
import org.meldekette.domain.Phase;
import org.meldekette.domain.ReportKind;

/** Maps an {@link Incident} to its Firestore document and back; field names are the stored schema. */
public final class IncidentDocuments {
  private IncidentDocuments() {}

  public static Map<String, Object> fields(Incident incident) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", incident.id());
    fields.put("title", incident.title());
    fields.put("source", incident.source().name());
    fields.put("reportKind", incident.reportKind() == null ? null : incident.reportKind().name());
    fields.put("phase", incident.phase().name());
    fields.put("detectedAt", Timestamps.of(incident.detectedAt()));
    fields.put("createdAt", Timestamps.of(incident.createdAt()));
    fields.put("updatedAt", Timestamps.of(incident.updatedAt()));
    fields.put("version", incident.version());
    return fields;
  }

  public static Incident incident(DocumentSnapshot document) {
    String reportKind = document.getString("reportKind");
    return new Incident(
        document.getString("id"),
        document.getString("title"),
        IncidentSource.valueOf(document.getString("source")),
        reportKind == null ? null : ReportKind.valueOf(reportKind),
        Phase.valueOf(document.getString("phase")),
        Timestamps.instant(document.get("detectedAt")),
        Timestamps.instant(document.get("createdAt")),
        Timestamps.instant(document.get("updatedAt")),
        document.getLong("version"));
  }
}
