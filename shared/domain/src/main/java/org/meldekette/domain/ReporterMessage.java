package org.meldekette.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A message between the team and a reporter, shown on the reporter's status page. Written by staff
 * ({@link Direction#TO_REPORTER}, with the author kept for the record but never shown to the
 * reporter) or by the reporter answering with their receipt code.
 */
public record ReporterMessage(
    String id, Direction direction, String text, Instant at, String author) {
  /** As long as a report's description may be. */
  public static final int MAX_LENGTH = Report.MAX_DESCRIPTION_LENGTH;

  public enum Direction {
    TO_REPORTER,
    FROM_REPORTER
  }

  public ReporterMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(at, "at");
    text = Text.required("text", text, MAX_LENGTH, true);
  }

  public static ReporterMessage toReporter(String id, String text, String author, Instant now) {
    return new ReporterMessage(id, Direction.TO_REPORTER, text, now, author);
  }

  public static ReporterMessage fromReporter(String id, String text, Instant now) {
    return new ReporterMessage(id, Direction.FROM_REPORTER, text, now, null);
  }

  /**
   * What the reporter's message records on the incident's timeline and audit trail: that it came
   * and how long it is, never what it says.
   */
  public Change received(String incidentId) {
    return new Change(
        ChangeType.REPORTER_MESSAGE_RECEIVED,
        Actor.reporter(incidentId),
        at,
        incidentId,
        "The reporter added a message (" + id + ")",
        null,
        java.util.Map.of("message", id, "characters", text.codePointCount(0, text.length())));
  }
}
