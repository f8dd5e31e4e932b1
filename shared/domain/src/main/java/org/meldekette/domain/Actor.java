package org.meldekette.domain;

import java.util.Objects;

/**
 * Who made a change, and in which role. A staff member is named by their verified email; a reporter
 * only by the report's ID, never by name or address, so timelines and audit events carry no
 * reporter data.
 *
 * @param role the role the change was made under: a staff {@link Role}'s name, {@code SERVICE} or
 *     {@code REPORTER}
 */
public record Actor(Kind kind, String id, String role) {
  public enum Kind {
    STAFF,
    SERVICE,
    REPORTER
  }

  public Actor {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
  }

  public static Actor staff(String email, Role role) {
    return new Actor(Kind.STAFF, email, role.name());
  }

  public static Actor service(String name) {
    return new Actor(Kind.SERVICE, name, "SERVICE");
  }

  public static Actor reporter(String reportId) {
    return new Actor(Kind.REPORTER, reportId, "REPORTER");
  }
}
