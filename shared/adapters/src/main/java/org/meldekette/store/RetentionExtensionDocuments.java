package org.meldekette.store;

import com.google.cloud.firestore.DocumentSnapshot;
import java.util.Map;
import org.meldekette.domain.RetentionExtension;

/** Maps a retention extension and its decisions (renewed, lifted). */
final class RetentionExtensionDocuments {
  private RetentionExtensionDocuments() {}

  static Map<String, Object> fields(RetentionExtension r) {
    return Doc.fields()
        .put("id", r.id())
        .put("what", r.what())
        .put("until", r.until())
        .put("justification", r.justification())
        .put("status", r.status())
        .put("decidedBy", r.decidedBy())
        .put("decidedAt", r.decidedAt())
        .put("lastJustification", r.lastJustification())
        .map();
  }

  static RetentionExtension read(DocumentSnapshot snapshot) {
    return read(snapshot.getData());
  }

  /**
   * From its fields, as stored in its own document or in the incident's copy ({@link
   * RecordCopies}).
   */
  static RetentionExtension read(java.util.Map<String, Object> fields) {
    Doc d = Doc.of(fields);
    return new RetentionExtension(
        d.string("id"),
        d.string("what"),
        d.instant("until"),
        d.string("justification"),
        d.enumValue("status", RetentionExtension.Status.class),
        d.string("decidedBy"),
        d.instant("decidedAt"),
        d.string("lastJustification"));
  }
}
