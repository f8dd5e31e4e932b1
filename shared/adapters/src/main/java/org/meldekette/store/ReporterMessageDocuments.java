package org.meldekette.store;

import com.google.cloud.firestore.DocumentSnapshot;
import java.util.Map;
import org.meldekette.domain.ReporterMessage;

/** Maps a message between the team and the reporter. */
final class ReporterMessageDocuments {
  private ReporterMessageDocuments() {}

  static Map<String, Object> fields(ReporterMessage m) {
    return Doc.fields()
        .put("id", m.id())
        .put("direction", m.direction())
        .put("text", m.text())
        .put("at", m.at())
        .put("author", m.author())
        .map();
  }

  static ReporterMessage read(DocumentSnapshot snapshot) {
    Doc d = Doc.of(snapshot.getData());
    return new ReporterMessage(
        d.string("id"),
        d.enumValue("direction", ReporterMessage.Direction.class),
        d.string("text"),
        d.instant("at"),
        d.string("author"));
  }
}
