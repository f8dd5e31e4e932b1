package org.meldekette.store;

import com.google.cloud.firestore.DocumentSnapshot;
import java.util.Map;
import org.meldekette.domain.Art34Exception;
import org.meldekette.domain.Decision;
import org.meldekette.domain.DecisionType;
import org.meldekette.domain.Role;

/** Maps a decision of the decision log (append-only; corrected by a later one). */
final class DecisionDocuments {
  private DecisionDocuments() {}

  static Map<String, Object> fields(Decision d) {
    return Doc.fields()
        .put("id", d.id())
        .put("type", d.type())
        .put("reasoning", d.reasoning())
        .put("responsible", d.responsible())
        .put("signedAs", d.signedAs())
        .put("decidedAt", d.decidedAt())
        .put("corrects", d.corrects())
        .put("delayReasons", d.delayReasons())
        .put("exception", d.exception())
        .put("restsOn", d.restsOn())
        .map();
  }

  static Decision read(DocumentSnapshot snapshot) {
    return read(snapshot.getData());
  }

  /**
   * From its fields, as stored in its own document or in the incident's copy ({@link
   * RecordCopies}).
   */
  static Decision read(java.util.Map<String, Object> fields) {
    Doc d = Doc.of(fields);
    return new Decision(
        d.string("id"),
        d.enumValue("type", DecisionType.class),
        d.string("reasoning"),
        d.string("responsible"),
        d.enumValue("signedAs", Role.class),
        d.instant("decidedAt"),
        d.string("corrects"),
        d.string("delayReasons"),
        d.enumValue("exception", Art34Exception.class),
        d.string("restsOn"));
  }
}
