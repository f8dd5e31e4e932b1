package org.meldekette.tasks;

/**
 * Where tasks for the deadline-reminder function are queued: Cloud Tasks deployed, the local queue
 * of {@code ./run-local.sh} locally. Creating a task whose name exists already counts as success:
 * scheduling twice is harmless.
 */
public interface TaskQueue {
  void create(QueuedTask task) throws Exception;
}
