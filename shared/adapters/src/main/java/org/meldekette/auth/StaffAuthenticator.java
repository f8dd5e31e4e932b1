package org.meldekette.auth;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.meldekette.domain.Forbidden;
import org.meldekette.domain.Member;
import org.meldekette.domain.Role;
import org.meldekette.store.MemberStore;

/**
 * Who is calling: the verified ID token of the {@code Authorization: Bearer} header, then that
 * email's member record and roles. No or a bad token is 401; a valid token of someone who is not an
 * active member is 403. The emails in {@code bootstrapAdmins} hold ADMIN even without a record, so
 * a new deployment can name its first members.
 */
public final class StaffAuthenticator {
  private final IdTokenVerifier verifier;
  private final MemberStore members;
  private final Set<String> bootstrapAdmins;

  public StaffAuthenticator(
      IdTokenVerifier verifier, MemberStore members, List<String> bootstrapAdmins) {
    this.verifier = verifier;
    this.members = members;
    this.bootstrapAdmins =
        bootstrapAdmins.stream().map(e -> e.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  public Member authenticate(Optional<String> authorization) {
    String header =
        authorization.orElseThrow(
            () -> new Unauthenticated("sign in: send Authorization: Bearer <ID token>"));
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
      throw new Unauthenticated("the Authorization header must be Bearer <ID token>");
    }
    String email = verifier.verify(header.substring(7).strip());
    Optional<Member> member = members.find(email).filter(Member::active);
    if (bootstrapAdmins.contains(email)) {
      Set<Role> roles = EnumSet.of(Role.ADMIN);
      member.ifPresent(m -> roles.addAll(m.roles()));
      return new Member(email, roles, true);
    }
    return member.orElseThrow(
        () -> new Forbidden(email + " is not an active member of the incident team"));
  }

  /** Refuses with 403 unless the member holds one of the roles; gives the first one they hold. */
  public static Role require(Member member, Role... anyOf) {
    for (Role role : anyOf) {
      if (member.has(role)) {
        return role;
      }
    }
    throw new Forbidden(
        "this needs the role "
            + (anyOf.length == 1 ? anyOf[0] : "of one of " + java.util.Arrays.toString(anyOf)));
  }
}
