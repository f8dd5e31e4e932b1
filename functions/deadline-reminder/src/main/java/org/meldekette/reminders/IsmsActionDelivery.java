package org.meldekette.reminders;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.meldekette.domain.assurance.IsmsActions;
import org.meldekette.domain.report.IncidentFile;
import org.meldekette.notify.WebhookNotifier;
import org.meldekette.store.IncidentQueries;
import org.meldekette.store.NotificationStore;
import org.meldekette.store.StoredIncident;

/**
 * Posts a corrective or preventive measure, as it stands now, to the ISMS's webhook as an action
 * (the same shape as {@code GET /isms-actions}). Claimed before and recorded after posting, so a
 * task delivered twice posts once; a containment measure is no ISMS action and is not posted.
 */
final class IsmsActionDelivery {
  private final NotificationStore store;
  private final Supplier<IncidentQueries> queries;
  private final WebhookNotifier notifier;
  private final String channel;
  private final Clock clock;

  /**
   * @param channel the webhook's secret name, or null when no ISMS is connected
   */
  IsmsActionDelivery(
      NotificationStore store,
      Supplier<IncidentQueries> queries,
      WebhookNotifier notifier,
      String channel,
      Clock clock) {
    this.store = store;
    this.queries = queries;
    this.notifier = notifier;
    this.channel = channel;
    this.clock = clock;
  }

  NotificationDelivery.Result deliver(String incidentId, String measureId, long version)
      throws Exception {
    if (channel == null) {
      return NotificationDelivery.Result.NOT_NEEDED;
    }
    String key = "isms-" + measureId + "-v" + version;
    switch (store.claim(key, clock.instant())) {
      case ALREADY_SENT:
        return NotificationDelivery.Result.ALREADY_SENT;
      case IN_PROGRESS:
        return NotificationDelivery.Result.IN_PROGRESS;
      case CLAIMED:
        break;
    }
    try {
      StoredIncident stored = queries.get().getStored(incidentId);
      IncidentFile file =
          new IncidentFile(
              stored.incident(),
              stored.deadlines(),
              queries.get().measures(incidentId),
              List.of(),
              List.of(),
              List.of(),
              List.of());
      List<Map<String, Object>> action =
          IsmsActions.of(List.of(file), clock.instant()).stream()
              .filter(a -> measureId.equals(a.get("actionId")))
              .toList();
      if (!action.isEmpty()) {
        notifier.post(channel, Map.of("source", "meldekette", "action", action.get(0)));
      }
      store.markSent(key, clock.instant());
      return action.isEmpty()
          ? NotificationDelivery.Result.NOT_NEEDED
          : NotificationDelivery.Result.SENT;
    } catch (Exception e) {
      store.release(key);
      throw e;
    }
  }
}
