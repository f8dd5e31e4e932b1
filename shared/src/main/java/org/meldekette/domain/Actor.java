package org.meldekette.domain;

import java.util.Objects;

/**
 * Who made a change. A staff member is named by their verified email; a reporter only by the report's ID,
 * never by name or address, so timelines and audit events carry no reporter data.
 */
public record Actor(Kind kind, String id) {
  public enum Kind { STAFF, SERVICE, REPORTER }

  public Actor {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
  }

  public static Actor staff(String email) {
    return new Actor(Kind.STAFF, email);
  }

  public static Actor service(String name) {
    return new Actor(Kind.SERVICE, name);
  }

  public static Actor reporter(String reportId) {
    return new Actor(Kind.REPORTER, reportId);
  }
}
