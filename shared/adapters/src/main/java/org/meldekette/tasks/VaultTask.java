package org.meldekette.tasks;

import java.time.Instant;
import java.util.Map;

/**
 * Work for the evidence-vault function: the next step of a log capture, or bringing an incident's
 * vault objects to the holds it needs. The name makes a task queued twice run once.
 */
public record VaultTask(String name, String path, Map<String, Object> body, Instant scheduleTime)
    implements QueuedTask {

  /** Step {@code step} of a capture (each step has its own name, so none is queued twice). */
  public static VaultTask captureStep(String incidentId, String captureId, int step, Instant now) {
    return new VaultTask(
        "capture-" + captureId + "-" + step,
        "/tasks/capture",
        Map.of("incidentId", incidentId, "captureId", captureId, "step", step),
        now);
  }

  /** The incident's holds changed (a legal hold placed or released, closed or reopened). */
  public static VaultTask holds(String incidentId, Instant now) {
    return new VaultTask(
        "vault-holds-" + incidentId + "-" + now.toEpochMilli(),
        "/tasks/holds",
        Map.of("incidentId", incidentId),
        now);
  }
}
