package org.meldekette.tasks;

import java.time.Instant;
import java.util.Map;

/**
 * A task for the deadline-reminder function: its name in the queue (a name queued twice runs once),
 * when it runs, the route it is delivered to and the JSON body it carries.
 */
public interface QueuedTask {
  String name();

  Instant scheduleTime();

  /** The route of the deadline-reminder function, such as {@code /tasks/reminder}. */
  String path();

  Map<String, Object> body();
}
