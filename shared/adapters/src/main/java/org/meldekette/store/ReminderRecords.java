package org.meldekette.store;

import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.deadline.Deadline;
import org.meldekette.domain.deadline.Regimes;

/**
 * What the reminder machinery keeps: {@code reminders/{key}}, one document per reminder sent (or
 * being sent), and on the incident the last reminder sent per deadline, which the sweep compares
 * against without reading anything else.
 */
public final class ReminderRecords {
  public static final String SENT_FIELD = "sentReminders";

  private ReminderRecords() {}

  /** The last reminder key sent for each deadline ({@code REGIME/STAGE}). */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> sent(DocumentSnapshot incident) {
    Object value = incident.get(SENT_FIELD);
    return value == null ? new LinkedHashMap<>() : new LinkedHashMap<>((Map<String, Object>) value);
  }

  /** An incident the sweep looks at: its stored deadlines and what was sent. */
  public record DueIncident(
      String incidentId, List<Deadline> deadlines, Map<String, String> sent) {}

  /**
   * The incidents whose first reminder still to be sent falls before {@code cutoff}, earliest
   * first: one indexed query, reading only those incidents however many are open. Ordered by
   * reminder, not by deadline, so a backlog of long-overdue incidents whose reminders went out does
   * not keep newer due ones from being swept.
   */
  @SuppressWarnings("unchecked")
  static List<DueIncident> dueBefore(Firestore db, Regimes regimes, Instant cutoff, int limit) {
    List<QueryDocumentSnapshot> due =
        FirestoreErrors.await(
                db.collection(CollectionNames.INCIDENTS)
                    .whereLessThanOrEqualTo(DeadlineDocuments.NEXT_REMINDER, Timestamps.of(cutoff))
                    .orderBy(DeadlineDocuments.NEXT_REMINDER)
                    .limit(limit)
                    .get())
            .getDocuments();
    return due.stream()
        .map(
            snapshot -> {
              Map<String, String> sent = new LinkedHashMap<>();
              sent(snapshot).forEach((k, v) -> sent.put(k, (String) v));
              return new DueIncident(
                  snapshot.getId(), DeadlineDocuments.deadlines(snapshot, regimes), sent);
            })
        .toList();
  }
}
