package org.meldekette.lifecycle;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.meldekette.domain.EmailAddress;
import org.meldekette.domain.InvalidInput;
import org.meldekette.domain.Member;
import org.meldekette.domain.NotFound;
import org.meldekette.domain.Role;
import org.meldekette.http.JsonFields;
import org.meldekette.http.StaffCall;
import org.meldekette.store.MemberStore;

/**
 * {@code GET /members}, {@code PUT /members/{email}}: who is on the team and with which roles
 * (ADMIN only); {@code GET /me}: who the caller is, for the console to offer only what they may do.
 */
final class MemberAdmin {
  private final MemberStore members;

  MemberAdmin(MemberStore members) {
    this.members = members;
  }

  static void me(StaffCall call, Map<String, String> params) throws IOException {
    call.reply().json(200, Views.member(call.member()));
  }

  void list(StaffCall call, Map<String, String> params) throws IOException {
    call.require(Role.ADMIN);
    call.reply().json(200, Map.of("members", members.list().stream().map(Views::member).toList()));
  }

  void put(StaffCall call, Map<String, String> params) throws IOException {
    call.require(Role.ADMIN);
    String email = params.get("email");
    if (!EmailAddress.isValid(email)) {
      throw new NotFound("no member " + email);
    }
    JsonFields body = call.body(Set.of("roles", "active"));
    List<String> names = body.strings("roles");
    if (names == null) {
      throw new InvalidInput("roles", "REQUIRED", "roles is required (it may be empty)");
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : names) {
      try {
        roles.add(Role.valueOf(name));
      } catch (IllegalArgumentException e) {
        throw new InvalidInput("roles", "INVALID_VALUE", name + " is not a role");
      }
    }
    Boolean active = body.bool("active");
    Member member = new Member(email, roles, active == null || active);
    members.put(member, call.member().email(), call.now());
    call.reply().json(200, Views.member(member));
  }
}
