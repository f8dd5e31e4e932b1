package org.meldekette.store;

import com.google.cloud.firestore.DocumentSnapshot;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.Evidence;
import org.meldekette.domain.EvidenceSource;
import org.meldekette.domain.VaultFile;

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
        // Queried by the weekly verification (a collection-group index).
        .put("secured", e.securedByMeldekette())
        .put("files", e.files().stream().map(EvidenceDocuments::file).toList())
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
        d.instant("recordedAt"),
        files(d.raw("files")));
  }

  private static Map<String, Object> file(VaultFile f) {
    return Doc.fields()
        .put("object", f.object())
        .put("role", f.role())
        .put("fileName", f.fileName())
        .put("sha256", f.sha256())
        .put("size", f.size())
        .put("contentType", f.contentType())
        .map();
  }

  @SuppressWarnings("unchecked")
  private static List<VaultFile> files(Object stored) {
    if (stored == null) {
      return List.of();
    }
    return ((List<Map<String, Object>>) stored)
        .stream()
            .map(Doc::of)
            .map(
                f ->
                    new VaultFile(
                        f.string("object"),
                        f.enumValue("role", VaultFile.Role.class),
                        f.string("fileName"),
                        f.string("sha256"),
                        f.longValue("size"),
                        f.string("contentType")))
            .toList();
  }
}
