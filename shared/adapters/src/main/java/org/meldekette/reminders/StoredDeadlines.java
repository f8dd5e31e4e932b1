package org.meldekette.reminders;

import java.util.ArrayList;
import java.util.List;
import org.meldekette.domain.deadline.Deadline;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.deadline.Stage;
import org.meldekette.store.DeadlineDocuments;

/** Deadlines as an incident document stores them, back as deadlines of the stages switched on. */
public final class StoredDeadlines {
  private StoredDeadlines() {}

  public static List<Deadline> of(DeadlinePolicy policy, List<DeadlineDocuments.StoredDeadline> stored) {
    List<Deadline> deadlines = new ArrayList<>();
    for (DeadlineDocuments.StoredDeadline d : stored) {
      for (Stage stage : policy.regimes().stages()) {
        if (stage.key().equals(d.key())) {
          deadlines.add(new Deadline(stage, d.startedAt(), d.dueAt(), d.metAt()));
        }
      }
    }
    return deadlines;
  }
}
