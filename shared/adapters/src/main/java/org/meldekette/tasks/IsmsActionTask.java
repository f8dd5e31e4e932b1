package org.meldekette.tasks;

import java.time.Instant;
import java.util.Map;

/**
 * An ISMS action to post: a corrective or preventive measure as it stands after a change. Named by
 * the measure and the incident's version of that change, so a commit queued twice posts once and
 * every later change posts again.
 */
public record IsmsActionTask(
    String incidentId, String measureId, long version, Instant scheduleTime) implements QueuedTask {
  @Override
  public String name() {
    return "isms-" + measureId + "-v" + version;
  }

  @Override
  public String path() {
    return "/tasks/isms-action";
  }

  @Override
  public Map<String, Object> body() {
    return Map.of("incidentId", incidentId, "measureId", measureId, "version", version);
  }
}
