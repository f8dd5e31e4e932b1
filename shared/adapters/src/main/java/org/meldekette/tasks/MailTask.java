package org.meldekette.tasks;

import java.time.Instant;
import java.util.Map;

/**
 * A mail for the mailbox function to send: an acknowledgement or a staff member's message, waiting
 * in the outbox under {@code key}. The task carries the key only; what to send and to whom is read
 * when it is sent, and a task delivered twice sends once.
 */
public record MailTask(String key, Instant scheduleTime) implements QueuedTask {
  @Override
  public String name() {
    return "mail-" + key;
  }

  @Override
  public String path() {
    return "/tasks/mail";
  }

  @Override
  public Map<String, Object> body() {
    return Map.of("key", key);
  }
}
