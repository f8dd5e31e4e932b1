package org.meldekette.store;

import com.google.cloud.firestore.DocumentSnapshot;
import java.util.Map;
import org.meldekette.domain.Phase;
import org.meldekette.domain.SkipRequest;

/** Maps a request to skip phases and its approval. */
final class SkipRequestDocuments {
  private SkipRequestDocuments() {}

  static Map<String, Object> fields(SkipRequest s) {
    return Doc.fields()
        .put("id", s.id())
        .put("from", s.from())
        .put("to", s.to())
        .put("justification", s.justification())
        .put("requestedBy", s.requestedBy())
        .put("requestedAt", s.requestedAt())
        .put("status", s.status())
        .put("approvedBy", s.approvedBy())
        .put("approvedAt", s.approvedAt())
        .map();
  }

  static SkipRequest read(DocumentSnapshot snapshot) {
    Doc d = Doc.of(snapshot.getData());
    return new SkipRequest(
        d.string("id"),
        d.enumValue("from", Phase.class),
        d.enumValue("to", Phase.class),
        d.string("justification"),
        d.string("requestedBy"),
        d.instant("requestedAt"),
        d.enumValue("status", SkipRequest.Status.class),
        d.string("approvedBy"),
        d.instant("approvedAt"));
  }
}
