package org.meldekette.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * That a reporting regime applies to an incident, and when: NIS2 by marking it significant, DORA by
 * classifying it as a major ICT-related incident.
 *
 * @param triggeredAt when the regime was found to apply (the classification or marking)
 * @param awareAt when the entity became aware of the incident, the regime's reference time
 * @param requests reports the authority asked for (such as NIS2's intermediate report), by stage
 *     ID, with the time they are due
 */
public record RegimeTrigger(
    Instant triggeredAt,
    Instant awareAt,
    String by,
    String justification,
    java.util.Map<String, Instant> requests) {
  public RegimeTrigger {
    Objects.requireNonNull(triggeredAt, "triggeredAt");
    awareAt = awareAt == null ? triggeredAt : awareAt;
    if (awareAt.isAfter(triggeredAt)) {
      throw new InvalidInput(
          "awareAt", "AFTER_TRIGGER", "awareness cannot come after the classification");
    }
    justification =
        Text.optional("justification", justification, Triage.MAX_JUSTIFICATION_LENGTH, true);
    requests = requests == null ? java.util.Map.of() : java.util.Map.copyOf(requests);
  }

  /** The same trigger with one more report requested. */
  public RegimeTrigger withRequest(String stage, Instant due) {
    java.util.Map<String, Instant> all = new java.util.TreeMap<>(requests);
    all.put(stage, due);
    return new RegimeTrigger(triggeredAt, awareAt, by, justification, all);
  }
}
