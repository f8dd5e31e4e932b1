package org.meldekette.domain.vault;

import java.time.Instant;
import java.util.Map;
import org.meldekette.domain.Actor;
import org.meldekette.domain.Change;
import org.meldekette.domain.ChangeType;
import org.meldekette.domain.Incident;

/**
 * Which holds an incident's vault objects must carry. The event-based hold (set on every object the
 * bucket takes) stays while the investigation is open or anything else keeps the file: a legal
 * hold, a retention extension. A legal hold ({@code LEGAL_HOLD}, {@code OPEN_DISPUTE}, {@code
 * FRAUD_REVIEW}) also sets the temporary hold, which no retention rule ends. While either hold
 * stands, Cloud Storage itself refuses to delete or overwrite the object.
 */
public final class VaultHolds {
  /** The holds objects carry: Cloud Storage's event-based and temporary hold. */
  public record State(boolean eventBased, boolean temporary) {}

  private VaultHolds() {}

  /** What applying new holds to {@code objects} objects records on the incident. */
  public static Change changed(
      String incidentId, State before, State after, int objects, Instant now) {
    return new Change(
        ChangeType.VAULT_HOLDS_CHANGED,
        Actor.service("evidence-vault"),
        now,
        incidentId,
        "Vault holds on "
            + objects
            + " object(s): event-based "
            + (after.eventBased() ? "on" : "released")
            + ", temporary (legal hold) "
            + (after.temporary() ? "on" : "off"),
        Map.of("eventBased", before.eventBased(), "temporary", before.temporary()),
        Map.of(
            "eventBased", after.eventBased(), "temporary", after.temporary(), "objects", objects));
  }

  public static State desired(Incident incident, boolean legallyHeld, boolean retentionExtended) {
    boolean keep = !incident.isClosed() || legallyHeld || retentionExtended;
    return new State(keep, legallyHeld);
  }
}
