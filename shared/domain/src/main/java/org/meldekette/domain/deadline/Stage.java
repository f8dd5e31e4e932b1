package org.meldekette.domain.deadline;

import java.util.List;

/**
 * One reporting stage of a regime, such as GDPR Art. 33: when it applies, when it falls due, what
 * meets it, and when people are reminded. All of it is data from the regimes file.
 *
 * @param when facts that must all be known for the stage to apply (such as {@code awareness})
 * @param due when it falls due: the earliest of these fact-plus-offset rules whose fact is known
 * @param satisfiedBy what meets it: {@code decision:TYPE} (a decision of that type in force; one
 *     that commits to a communication instead only once that communication is recorded), {@code
 *     decision:*} (any decision ever logged), {@code fact:NAME} or {@code communication:KEY} (an
 *     audience, {@code AUDIENCE/KIND} or {@code REGIME/STAGE}); the earliest counts
 * @param progressBy what shows the stage is on its way without meeting it (a decision to notify,
 *     before the notification is sent), written the way {@code satisfiedBy} is
 * @param lateNeedsReasons satisfiers that, when recorded after the due time, must say why (Art.
 *     33(1))
 * @param remindBefore reminders before the due time (a reminder at the due time is always sent)
 * @param overdueEvery how often to remind while overdue
 * @param escalate whether overdue reminders go to the escalation channel too (DPO, management)
 * @param template the draft template of the stage's notification, or null
 * @param draftItems the items its draft must contain; those the incident does not know are listed
 *     as missing
 * @param atClosure what closing the incident does to the clock while it is not met
 * @param each {@code measure} for a stage that runs one clock per measure (of {@code measureTypes},
 *     not cancelled), with the facts {@code measure.due}, {@code measure.done} and {@code
 *     measure.checked}; null for a stage of the whole incident
 */
public record Stage(
    String regime,
    String id,
    String label,
    List<String> when,
    List<DueRule> due,
    List<String> satisfiedBy,
    List<String> lateNeedsReasons,
    List<Offset> remindBefore,
    Offset overdueEvery,
    boolean escalate,
    String template,
    List<String> draftItems,
    List<String> progressBy,
    String each,
    List<String> measureTypes,
    AtClosure atClosure) {

  /** Due {@code after} the fact {@code from}. */
  public record DueRule(String from, Offset after) {}

  public Stage {
    when = List.copyOf(when);
    due = List.copyOf(due);
    satisfiedBy = List.copyOf(satisfiedBy);
    lateNeedsReasons = List.copyOf(lateNeedsReasons);
    remindBefore = List.copyOf(remindBefore);
    draftItems = List.copyOf(draftItems);
    progressBy = progressBy == null ? List.of() : List.copyOf(progressBy);
    measureTypes = measureTypes == null ? List.of() : List.copyOf(measureTypes);
    java.util.Objects.requireNonNull(atClosure, "atClosure");
    if (each != null && !each.equals("measure")) {
      throw new IllegalArgumentException(
          "a stage runs once, or once for each measure, not each " + each);
    }
  }

  /** {@code REGIME/STAGE}, as facts and communications name it. */
  public String key() {
    return regime + "/" + id;
  }
}
