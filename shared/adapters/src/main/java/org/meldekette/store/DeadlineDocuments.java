package org.meldekette.store;

import com.google.cloud.firestore.DocumentSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.deadline.Deadline;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.deadline.DeadlineStatus;
import org.meldekette.domain.deadline.Regimes;
import org.meldekette.domain.deadline.Stage;

/**
 * The deadlines an incident document carries: the list (for display, the final report and the
 * sweep), {@code nextDeadlineAt} (the earliest open due time, which the overdue list and the sort
 * by urgency query on) and {@code nextReminderAt} (the first reminder still to be sent, which the
 * sweep queries on, so incidents whose reminders went out do not crowd out those whose reminders
 * are due).
 */
final class DeadlineDocuments {
  /** The field the sweep queries: when the incident's first reminder still to be sent falls. */
  static final String NEXT_REMINDER = "nextReminderAt";

  private DeadlineDocuments() {}

  /**
   * Adds the deadlines to an incident document's fields.
   *
   * @param sentReminders the key of the last reminder sent, by deadline key
   */
  static Map<String, Object> withDeadlines(
      Map<String, Object> incidentFields, List<Deadline> deadlines, Map<String, ?> sentReminders) {
    List<Map<String, Object>> stored = new ArrayList<>();
    for (Deadline d : deadlines) {
      stored.add(
          Doc.fields()
              .put("regime", d.stage().regime())
              .put("stage", d.stage().id())
              .put("subject", d.subject())
              .put("label", d.label())
              .put("startedAt", d.startedAt())
              .put("dueAt", d.dueAt())
              .put("metAt", d.metAt())
              .put("progressAt", d.progressAt())
              .put("settledAt", d.settledAt())
              .put("settledAs", d.settledAs())
              .map());
    }
    incidentFields.put("deadlines", stored);
    incidentFields.put(
        "nextDeadlineAt",
        Timestamps.of(DeadlinePolicy.next(deadlines).map(Deadline::dueAt).orElse(null)));
    incidentFields.put(
        NEXT_REMINDER,
        Timestamps.of(DeadlinePolicy.nextReminder(deadlines, sentReminders).orElse(null)));
    return incidentFields;
  }

  /**
   * The stored deadlines of the stages switched on. A stage of a regime switched off since is left
   * out: the next change of the incident drops it too, as the policy no longer derives it.
   */
  @SuppressWarnings("unchecked")
  public static List<Deadline> deadlines(DocumentSnapshot incident, Regimes regimes) {
    Object value = incident.get("deadlines");
    if (value == null) {
      return List.of();
    }
    List<Deadline> deadlines = new ArrayList<>();
    for (Map<String, Object> stored : (List<Map<String, Object>>) value) {
      Doc d = Doc.of(stored);
      Stage stage = regimes.stage(d.string("regime") + "/" + d.string("stage"));
      if (stage != null) {
        deadlines.add(
            new Deadline(
                stage,
                d.string("subject"),
                d.instant("startedAt"),
                d.instant("dueAt"),
                d.instant("metAt"),
                d.instant("progressAt"),
                d.instant("settledAt"),
                d.enumValue("settledAs", DeadlineStatus.class)));
      }
    }
    return deadlines;
  }
}
