package org.meldekette.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.meldekette.domain.Forbidden;
import org.meldekette.domain.Member;
import org.meldekette.domain.Role;
import org.meldekette.store.MemberConfirmation;
import org.meldekette.store.MemberStore;

/**
 * Who is calling: the verified ID token of the {@code Authorization: Bearer} header, then that
 * email's member record and roles. No or a bad token is 401; a valid token of someone who is not an
 * active member is 403. The emails in {@code bootstrapAdmins} hold ADMIN even without a record, so
 * a new deployment can name its first members.
 *
 * <p>A change that confirms its member in its own transaction ({@link #confirmation}) may be let in
 * on the member as this instance read them within the last {@link #RECENT} ({@link
 * #authenticateRecent}): that saves a round trip, and the transaction still refuses the change when
 * the member has been removed or lost a role since. Everything else reads the member afresh.
 */
public final class StaffAuthenticator {
  /** How long a member read lets this instance's changes in without reading them again. */
  public static final Duration RECENT = Duration.ofMinutes(5);

  private final IdTokenVerifier verifier;
  private final MemberStore members;
  private final Set<String> bootstrapAdmins;
  private final Clock clock;
  private final Map<String, Seen> recent = new ConcurrentHashMap<>();

  /** A member as read at {@code readAt}. */
  private record Seen(Member member, Instant readAt) {}

  public StaffAuthenticator(
      IdTokenVerifier verifier, MemberStore members, List<String> bootstrapAdmins, Clock clock) {
    this.verifier = verifier;
    this.members = members;
    this.bootstrapAdmins =
        bootstrapAdmins.stream().map(e -> e.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    this.clock = clock;
  }

  /** The caller, with their member record read now. */
  public Member authenticate(Optional<String> authorization) {
    return standing(verified(authorization));
  }

  /**
   * The caller as this instance read them within {@link #RECENT}, or read now: only for a change
   * whose transaction confirms its member ({@link #confirmation}).
   */
  public Member authenticateRecent(Optional<String> authorization) {
    String email = verified(authorization);
    Seen seen = recent.get(email);
    if (seen != null && seen.readAt().plus(RECENT).isAfter(clock.instant())) {
      return seen.member();
    }
    return standing(email);
  }

  /**
   * The confirmation a change of {@code member}'s makes in its transaction: their member document
   * must still make them an active member holding every role they were let in with.
   */
  public MemberConfirmation confirmation(Member member) {
    return new Confirmation(member);
  }

  private final class Confirmation implements MemberConfirmation {
    private final Member letIn;

    Confirmation(Member letIn) {
      this.letIn = letIn;
    }

    @Override
    public String email() {
      return letIn.email();
    }

    @Override
    public void confirm(Optional<Member> stored) {
      Optional<Member> now = standing(letIn.email(), stored);
      if (now.isEmpty() || !now.get().roles().containsAll(letIn.roles())) {
        recent.remove(letIn.email());
        throw now.isEmpty()
            ? notAMember(letIn.email())
            : new Forbidden(
                "the roles of "
                    + letIn.email()
                    + " changed while this request was on its way; nothing was changed, send it"
                    + " again");
      }
      remember(now.get());
    }
  }

  private String verified(Optional<String> authorization) {
    String header =
        authorization.orElseThrow(
            () -> new Unauthenticated("sign in: send Authorization: Bearer <ID token>"));
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
      throw new Unauthenticated("the Authorization header must be Bearer <ID token>");
    }
    return verifier.verify(header.substring(7).strip());
  }

  private Member standing(String email) {
    Optional<Member> member = standing(email, members.find(email));
    if (member.isEmpty()) {
      recent.remove(email);
      throw notAMember(email);
    }
    remember(member.get());
    return member.get();
  }

  /** What the member record {@code stored} makes {@code email}: empty when not an active member. */
  private Optional<Member> standing(String email, Optional<Member> stored) {
    Optional<Member> member = stored.filter(Member::active);
    if (bootstrapAdmins.contains(email)) {
      Set<Role> roles = EnumSet.of(Role.ADMIN);
      member.ifPresent(m -> roles.addAll(m.roles()));
      return Optional.of(new Member(email, roles, true));
    }
    return member;
  }

  private void remember(Member member) {
    recent.put(member.email(), new Seen(member, clock.instant()));
  }

  private static Forbidden notAMember(String email) {
    return new Forbidden(email + " is not an active member of the incident team");
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
