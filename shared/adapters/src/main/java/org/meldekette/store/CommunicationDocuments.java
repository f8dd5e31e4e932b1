package org.meldekette.store;

import com.google.cloud.firestore.DocumentSnapshot;
import java.util.Map;
import org.meldekette.domain.Audience;
import org.meldekette.domain.Communication;

/** Maps an outgoing communication, with what a notification stated. */
final class CommunicationDocuments {
  private CommunicationDocuments() {}

  static Map<String, Object> fields(Communication c) {
    return Doc.fields()
        .put("id", c.id())
        .put("audience", c.audience())
        .put("channel", c.channel())
        .put("summary", c.summary())
        .put("sentAt", c.sentAt())
        .put("notification", c.notification())
        .put("stage", c.stage())
        .put("delayReasons", c.delayReasons())
        .put("recordedBy", c.recordedBy())
        .put("recordedAt", c.recordedAt())
        .put("factsSent", c.factsSent())
        .put("timeJustification", c.timeJustification())
        .map();
  }

  static Communication read(DocumentSnapshot snapshot) {
    return read(snapshot.getData());
  }

  /**
   * From its fields, as stored in its own document or in the incident's copy ({@link
   * RecordCopies}).
   */
  static Communication read(java.util.Map<String, Object> fields) {
    Doc d = Doc.of(fields);
    return new Communication(
        d.string("id"),
        d.enumValue("audience", Audience.class),
        d.string("channel"),
        d.string("summary"),
        d.instant("sentAt"),
        d.enumValue("notification", Communication.Notification.class),
        d.string("stage"),
        d.string("delayReasons"),
        d.string("recordedBy"),
        d.instant("recordedAt"),
        d.map("factsSent"),
        d.string("timeJustification"));
  }
}
