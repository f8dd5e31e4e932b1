package org.meldekette.store;

import java.util.List;

/**
 * Work that follows a commit, told by the store once the commit stands: the store knows nothing of
 * the audit log, task queues or chat channels. A listener handles its own failures (the change
 * stands either way; the sweep catches up), so it never throws at the store.
 */
@FunctionalInterface
public interface CommitListener {
  CommitListener NONE = committed -> {};

  void committed(Committed committed);

  /** Tells each listener in turn. */
  static CommitListener all(CommitListener... listeners) {
    List<CommitListener> each = List.of(listeners);
    return committed -> each.forEach(listener -> listener.committed(committed));
  }
}
