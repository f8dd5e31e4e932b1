package org.meldekette.store;

import com.google.cloud.firestore.DocumentSnapshot;
import java.util.Map;
import org.meldekette.domain.Evidence;
import org.meldekette.domain.EvidenceSource;

/** Maps an evidence record: written once, never changed. */
final class EvidenceDocuments {
  private EvidenceDocuments() {}

  static Map<String, Object> fields(Evidence e) {
    return Doc.fields()
        .put("id", e.id())
        .put("source", e.source())
        .put("location", e.location())
        .put("sha256", e.sha256())
        .put("description", e.description())
        .put("collectedBy", e.collectedBy())
        .put("collectedAt", e.collectedAt())
        .put("recordedAt", e.recordedAt())
        .map();
  }

  static Evidence read(DocumentSnapshot snapshot) {
    Doc d = Doc.of(snapshot.getData());
    return new Evidence(
        d.string("id"),
        d.enumValue("source", EvidenceSource.class),
        d.string("location"),
        d.string("sha256"),
        d.string("description"),
        d.string("collectedBy"),
        d.instant("collectedAt"),
        d.instant("recordedAt"));
  }
}
