package org.meldekette.store;

import java.util.Optional;
import org.meldekette.domain.Member;

/**
 * Who makes a staff change. The change's transaction reads their member document together with the
 * incident (one round trip) and hands it to {@link #confirm}, so a change commits only while its
 * author's membership still grants what the request was allowed on, even when the request was let
 * in on the member as this instance read them a little earlier.
 */
public interface MemberConfirmation {
  /** Whose {@code members/{email}} document the transaction reads. */
  String email();

  /**
   * Throws {@link org.meldekette.domain.Forbidden} when the member document, as the transaction
   * read it ({@code stored}; empty when there is none), no longer grants what the request was let
   * in on.
   */
  void confirm(Optional<Member> stored);
}
