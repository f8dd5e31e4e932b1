package org.meldekette.domain.deadline;

import java.util.List;

/**
 * One reporting stage of a regime, such as GDPR Art. 33: when it applies, when it falls due, what
 * meets it, and when people are reminded. All of it is data from the regimes file.
 *
 * @param when facts that must all be known for the stage to apply (such as {@code awareness})
 * @param due when it falls due: the earliest of these fact-plus-offset rules whose fact is known
 * @param satisfiedBy what meets it: {@code decision:TYPE}, {@code decision:*}, {@code fact:NAME} or
 *     {@code communication:REGIME/STAGE}; the earliest counts
 * @param lateNeedsReasons satisfiers that, when recorded after the due time, must say why (Art.
 *     33(1))
 * @param remindBefore reminders before the due time (a reminder at the due time is always sent)
 * @param overdueEvery how often to remind while overdue
 * @param escalate whether overdue reminders go to the escalation channel too (DPO, management)
 * @param template the draft template of the stage's notification, or null
 * @param draftItems the items its draft must contain; those the incident does not know are listed
 *     as missing
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
    List<String> draftItems) {

  /** Due {@code after} the fact {@code from}. */
  public record DueRule(String from, Offset after) {}

  public Stage {
    when = List.copyOf(when);
    due = List.copyOf(due);
    satisfiedBy = List.copyOf(satisfiedBy);
    lateNeedsReasons = List.copyOf(lateNeedsReasons);
    remindBefore = List.copyOf(remindBefore);
    draftItems = List.copyOf(draftItems);
  }

  /** {@code REGIME/STAGE}, as facts and communications name it. */
  public String key() {
    return regime + "/" + id;
  }
}
