package org.meldekette.audit;

import java.util.List;
import org.meldekette.domain.AuditEvent;

/** Where audit events are copied outside Firestore: Cloud Logging in production, stdout locally. */
public interface AuditSink {
  /** The log the events go to. */
  String LOG_NAME = "meldekette-audit";

  /**
   * Writes all events or throws; a partial write is a failure (the entries' insert IDs make a retry
   * safe).
   */
  void write(List<AuditEvent> events) throws Exception;
}
