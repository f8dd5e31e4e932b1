package org.meldekette.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.meldekette.log.StructuredLog;
import org.meldekette.store.MailOutbox;
import org.meldekette.store.ReportStore;
import org.meldekette.tasks.MailTask;
import org.meldekette.tasks.TaskQueue;

/**
 * A staff member's message to a reporter who left an address (by mail, or on the form) also goes by
 * mail, through the mailbox function's outbox: queued after the message is committed, read and sent
 * there (the address is read only when sending, an audited read). Without a mailbox configured, the
 * status page is the channel, as before.
 */
final class ReporterMail {
  private final MailOutbox mail;
  private final ReportStore reports;
  private final TaskQueue tasks;
  private final StructuredLog log;

  /**
   * @param tasks the mailbox's task queue, or null when no mailbox is configured
   */
  ReporterMail(MailOutbox mail, ReportStore reports, TaskQueue tasks, StructuredLog log) {
    this.mail = mail;
    this.reports = reports;
    this.tasks = tasks;
    this.log = log;
  }

  void queue(String incidentId, String messageId, Instant now) {
    if (tasks == null) {
      return;
    }
    try {
      boolean answerable =
          reports
              .report(incidentId)
              .map(r -> Boolean.TRUE.equals(r.get("hasContact")))
              .orElse(false);
      if (!answerable) {
        return;
      }
      String key = "msg-" + messageId.toLowerCase(Locale.ROOT);
      mail.queue(key, "STAFF_MESSAGE", incidentId, null, null, null, messageId, List.of(), now);
      tasks.create(new MailTask(key, now));
    } catch (Exception e) {
      // The message stands on the status page; the mail can be queued again by sending anew.
      log.write(
          StructuredLog.Severity.WARNING,
          "mail to the reporter not queued: the message is on the status page",
          Map.of("incidentId", incidentId),
          Map.of("exception", e.getClass().getName()),
          null);
    }
  }
}
