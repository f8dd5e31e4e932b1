package org.meldekette.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * That a reporting regime applies to an incident, and when: NIS2 by marking it significant, DORA by
 * classifying it as a major ICT-related incident.
 *
 * @param triggeredAt when the regime was found to apply (the classification or marking)
 * @param awareAt when the entity became aware of the incident, the regime's reference time
 * @param details what the regime asks to state with the trigger (yes/no facts by name)
 */
public record RegimeTrigger(Instant triggeredAt, Instant awareAt, String by, String justification,
    java.util.Map<String, Boolean> details) {
  public RegimeTrigger {
    Objects.requireNonNull(triggeredAt, "triggeredAt");
    awareAt = awareAt == null ? triggeredAt : awareAt;
    details = details == null ? java.util.Map.of() : java.util.Map.copyOf(details);
  }
}
