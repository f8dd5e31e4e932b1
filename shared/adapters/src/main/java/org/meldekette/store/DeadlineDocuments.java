package org.meldekette.store;

import com.google.cloud.firestore.DocumentSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.deadline.Deadline;
import org.meldekette.domain.deadline.DeadlinePolicy;

/**
 * The deadlines an incident document carries: the list (for display and the final report) and
 * {@code nextDeadlineAt}, the earliest open due time, which the sweep and the overdue list query on.
 */
public final class DeadlineDocuments {
  private DeadlineDocuments() {}

  /** A deadline as stored: what it is, when it falls due, whether and when it was met. */
  public record StoredDeadline(String regime, String stage, String label, Instant startedAt, Instant dueAt,
      Instant metAt) {
    public boolean isOpen() {
      return metAt == null;
    }

    public String key() {
      return regime + "/" + stage;
    }
  }

  /** Adds the deadlines to an incident document's fields. */
  public static Map<String, Object> withDeadlines(Map<String, Object> incidentFields, List<Deadline> deadlines) {
    List<Map<String, Object>> stored = new ArrayList<>();
    for (Deadline d : deadlines) {
      stored.add(Doc.fields()
          .put("regime", d.stage().regime())
          .put("stage", d.stage().id())
          .put("label", d.stage().label())
          .put("startedAt", d.startedAt())
          .put("dueAt", d.dueAt())
          .put("metAt", d.metAt())
          .map());
    }
    incidentFields.put("deadlines", stored);
    incidentFields.put("nextDeadlineAt", Timestamps.of(DeadlinePolicy.next(deadlines).map(Deadline::dueAt).orElse(null)));
    return incidentFields;
  }

  @SuppressWarnings("unchecked")
  public static List<StoredDeadline> deadlines(DocumentSnapshot incident) {
    Object value = incident.get("deadlines");
    if (value == null) {
      return List.of();
    }
    List<StoredDeadline> deadlines = new ArrayList<>();
    for (Map<String, Object> stored : (List<Map<String, Object>>) value) {
      Doc d = Doc.of(stored);
      deadlines.add(new StoredDeadline(d.string("regime"), d.string("stage"), d.string("label"), d.instant("startedAt"),
          d.instant("dueAt"), d.instant("metAt")));
    }
    return deadlines;
  }
}
