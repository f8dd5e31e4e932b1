package org.meldekette.store;

import com.google.cloud.firestore.DocumentSnapshot;
import java.util.Map;
import org.meldekette.domain.Actor;
import org.meldekette.domain.AuditEvent;

/**
 * Maps audit events to {@code audit-events/{stream:sequence}} and the chain head kept on each
 * subject.
 */
public final class AuditDocuments {
  static final String HEAD_SEQUENCE = "auditSequence";
  static final String HEAD_HASH = "auditHash";

  private AuditDocuments() {}

  public static Map<String, Object> fields(AuditEvent e) {
    return Doc.fields()
        .put("stream", e.stream())
        .put("sequence", e.sequence())
        .put("type", e.type())
        .put("actorKind", e.actor().kind())
        .put("actorId", e.actor().id())
        .put("actorRole", e.actor().role())
        .put("at", e.at())
        .put("incidentId", e.incidentId())
        .put("summary", e.summary())
        .put("before", e.before())
        .put("after", e.after())
        .put("previousHash", e.previousHash())
        .put("hash", e.hash())
        .put("exported", false)
        .map();
  }

  public static AuditEvent event(DocumentSnapshot snapshot) {
    Doc d = Doc.of(snapshot.getData());
    return new AuditEvent(
        d.string("stream"),
        d.longValue("sequence"),
        d.string("type"),
        new Actor(
            d.enumValue("actorKind", Actor.Kind.class), d.string("actorId"), d.string("actorRole")),
        d.instant("at"),
        d.string("incidentId"),
        d.string("summary"),
        d.map("before"),
        d.map("after"),
        d.string("previousHash"),
        d.string("hash"));
  }

  /** The head a subject document records; empty for a subject without events. */
  public static AuditEvent.ChainHead head(DocumentSnapshot subject) {
    if (!subject.exists() || subject.getLong(HEAD_SEQUENCE) == null) {
      return AuditEvent.ChainHead.EMPTY;
    }
    return new AuditEvent.ChainHead(subject.getLong(HEAD_SEQUENCE), subject.getString(HEAD_HASH));
  }

  /** Adds the head to a subject document's fields, written together with the event. */
  public static Map<String, Object> withHead(
      Map<String, Object> subjectFields, AuditEvent.ChainHead head) {
    subjectFields.put(HEAD_SEQUENCE, head.sequence());
    subjectFields.put(HEAD_HASH, head.hash());
    return subjectFields;
  }
}
