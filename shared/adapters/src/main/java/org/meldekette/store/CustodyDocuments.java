package org.meldekette.store;

import com.google.cloud.firestore.DocumentSnapshot;
import java.util.Map;
import org.meldekette.domain.CustodyEntry;

/** Maps one entry of an evidence record's chain of custody (append-only). */
final class CustodyDocuments {
  private CustodyDocuments() {}

  static Map<String, Object> fields(CustodyEntry c) {
    return Doc.fields()
        .put("sequence", c.sequence())
        .put("action", c.action())
        .put("by", c.by())
        .put("at", c.at())
        .put("note", c.note())
        .map();
  }

  static CustodyEntry read(DocumentSnapshot snapshot) {
    Doc d = Doc.of(snapshot.getData());
    return new CustodyEntry(
        d.longValue("sequence").intValue(),
        d.enumValue("action", CustodyEntry.Action.class),
        d.string("by"),
        d.instant("at"),
        d.string("note"));
  }
}
