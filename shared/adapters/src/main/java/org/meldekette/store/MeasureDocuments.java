package org.meldekette.store;

import com.google.cloud.firestore.DocumentSnapshot;
import java.util.Map;
import org.meldekette.domain.ContainmentKind;
import org.meldekette.domain.Effectiveness;
import org.meldekette.domain.EffectivenessResult;
import org.meldekette.domain.Measure;
import org.meldekette.domain.MeasureStatus;
import org.meldekette.domain.MeasureType;

/** Maps a measure (containment, corrective, preventive) and its effectiveness check. */
final class MeasureDocuments {
  private MeasureDocuments() {}

  static Map<String, Object> fields(Measure m) {
    Effectiveness e = m.effectiveness();
    return Doc.fields()
        .put("id", m.id())
        .put("type", m.type())
        .put("containmentKind", m.containmentKind())
        .put("description", m.description())
        .put("owner", m.owner())
        .put("dueAt", m.dueAt())
        .put("status", m.status())
        .put(
            "effectiveness",
            e == null
                ? null
                : Doc.fields()
                    .put("result", e.result())
                    .put("note", e.note())
                    .put("checkedBy", e.checkedBy())
                    .put("checkedAt", e.checkedAt()))
        .put("createdBy", m.createdBy())
        .put("createdAt", m.createdAt())
        .put("doneAt", m.doneAt())
        .put("control", m.control())
        .map();
  }

  static Measure read(DocumentSnapshot snapshot) {
    return read(snapshot.getData());
  }

  /**
   * From its fields, as stored in its own document or in the incident's copy ({@link
   * RecordCopies}).
   */
  static Measure read(java.util.Map<String, Object> fields) {
    Doc d = Doc.of(fields);
    Doc e = d.doc("effectiveness");
    return new Measure(
        d.string("id"),
        d.enumValue("type", MeasureType.class),
        d.enumValue("containmentKind", ContainmentKind.class),
        d.string("description"),
        d.string("owner"),
        d.instant("dueAt"),
        d.enumValue("status", MeasureStatus.class),
        d.has("effectiveness")
            ? new Effectiveness(
                e.enumValue("result", EffectivenessResult.class),
                e.string("note"),
                e.string("checkedBy"),
                e.instant("checkedAt"))
            : null,
        d.string("createdBy"),
        d.instant("createdAt"),
        d.instant("doneAt"),
        d.string("control"));
  }
}
