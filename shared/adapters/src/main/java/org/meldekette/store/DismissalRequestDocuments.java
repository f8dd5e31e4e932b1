package org.meldekette.store;

import com.google.cloud.firestore.DocumentSnapshot;
import java.util.Map;
import org.meldekette.domain.DismissalReason;
import org.meldekette.domain.DismissalRequest;
import org.meldekette.domain.SkipRequest;

/**
 * Maps a request to close an incident as not an incident, and its approval. The incident's ID is
 * stored too: the second line's list of pending requests is one collection-group query.
 */
final class DismissalRequestDocuments {
  private DismissalRequestDocuments() {}

  static Map<String, Object> fields(String incidentId, DismissalRequest r) {
    return Doc.fields()
        .put("id", r.id())
        .put("incidentId", incidentId)
        .put("reason", r.reason())
        .put("justification", r.justification())
        .put("requestedBy", r.requestedBy())
        .put("requestedAt", r.requestedAt())
        .put("status", r.status())
        .put("approvedBy", r.approvedBy())
        .put("approvedAt", r.approvedAt())
        .map();
  }

  static DismissalRequest read(DocumentSnapshot snapshot) {
    Doc d = Doc.of(snapshot.getData());
    return new DismissalRequest(
        d.string("id"),
        d.enumValue("reason", DismissalReason.class),
        d.string("justification"),
        d.string("requestedBy"),
        d.instant("requestedAt"),
        d.enumValue("status", SkipRequest.Status.class),
        d.string("approvedBy"),
        d.instant("approvedAt"));
  }

  static String incidentId(DocumentSnapshot snapshot) {
    return snapshot.getString("incidentId");
  }
}
