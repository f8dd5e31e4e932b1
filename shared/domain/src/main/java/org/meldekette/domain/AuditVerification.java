package org.meldekette.domain;

import java.util.List;

/**
 * Recomputes a stream's hash chain. The stream is intact when its events are numbered 1, 2, 3 …
 * without a gap, each names the hash of the one before, each hash matches the event's content, and
 * the last one is the head its subject document records (so a removed tail is noticed too).
 */
public final class AuditVerification {
  private AuditVerification() {}

  /**
   * The outcome: intact, or the first event (by sequence) where the chain breaks and why.
   *
   * @param head the hash of the last event of an intact chain: what an auditor compares a later
   *     verification with (a chain that still ends in it was only appended to)
   */
  public record Result(
      String stream,
      boolean intact,
      long events,
      Long brokenAt,
      String brokenEventId,
      String reason,
      String head) {
    static Result intact(String stream, long events, String head) {
      return new Result(stream, true, events, null, null, null, head);
    }

    static Result broken(String stream, long events, long sequence, String eventId, String reason) {
      return new Result(stream, false, events, sequence, eventId, reason, null);
    }

    /** A stored event that no longer has the shape of an event. */
    public static Result unreadable(String stream, long events, long sequence, String eventId) {
      return broken(
          stream,
          events,
          sequence,
          eventId,
          "the stored event cannot be read as an event: it was changed");
    }
  }

  /**
   * @param events the stream's stored events ordered by their stored sequence
   * @param head the head its subject document records
   */
  public static Result verify(String stream, List<AuditEvent> events, AuditEvent.ChainHead head) {
    String previous = AuditEvent.GENESIS;
    for (int i = 0; i < events.size(); i++) {
      AuditEvent event = events.get(i);
      long expected = i + 1;
      if (event.sequence() != expected) {
        return Result.broken(
            stream,
            events.size(),
            expected,
            event.id(),
            "expected event "
                + expected
                + " but found event "
                + event.sequence()
                + ": an event is missing or moved");
      }
      if (!event.previousHash().equals(previous)) {
        return Result.broken(
            stream,
            events.size(),
            expected,
            event.id(),
            "the event does not follow the one before it in the chain");
      }
      if (!event.computeHash().equals(event.hash())) {
        return Result.broken(
            stream,
            events.size(),
            expected,
            event.id(),
            "the event's content does not match its hash: it was changed");
      }
      previous = event.hash();
    }
    long last = events.size();
    if (head.sequence() != last || !head.hash().equals(previous)) {
      long missing = Math.min(last, head.sequence()) + 1;
      return Result.broken(
          stream,
          events.size(),
          missing,
          null,
          "the subject records "
              + head.sequence()
              + " events, the chain holds "
              + last
              + ": events were removed");
    }
    return Result.intact(stream, last, previous);
  }
}
