package org.meldekette.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** A staff member: identified by the verified email of their Google sign-in, with their roles. */
public record Member(String email, Set<Role> roles, boolean active) {
  public Member {
    Objects.requireNonNull(email, "email");
    email = email.toLowerCase(Locale.ROOT);
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  public boolean has(Role role) {
    return active && roles.contains(role);
  }
}
