package org.meldekette.store;

import com.google.cloud.firestore.DocumentSnapshot;
import java.util.Map;
import org.meldekette.domain.Approval;
import org.meldekette.domain.Audience;

/** Maps LEGAL's approval to communicate with one audience. */
final class ApprovalDocuments {
  private ApprovalDocuments() {}

  static Map<String, Object> fields(Approval a) {
    return Doc.fields()
        .put("id", a.id())
        .put("audience", a.audience())
        .put("note", a.note())
        .put("approvedBy", a.approvedBy())
        .put("approvedAt", a.approvedAt())
        .map();
  }

  static Approval read(DocumentSnapshot snapshot) {
    return read(snapshot.getData());
  }

  static Approval read(Map<String, Object> fields) {
    Doc d = Doc.of(fields);
    return new Approval(
        d.string("id"),
        d.enumValue("audience", Audience.class),
        d.string("note"),
        d.string("approvedBy"),
        d.instant("approvedAt"));
  }
}
