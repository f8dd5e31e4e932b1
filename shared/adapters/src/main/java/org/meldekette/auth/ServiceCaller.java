package org.meldekette.auth;

import com.google.cloud.functions.HttpRequest;
import org.meldekette.domain.Forbidden;

/**
 * Checks that a request comes from a service account the function trusts: Cloud Tasks and Cloud
 * Scheduler call with an OIDC token of their account, for the function's URL as audience.
 */
public final class ServiceCaller {
  private final IdTokenVerifier verifier;

  public ServiceCaller(IdTokenVerifier verifier) {
    this.verifier = verifier;
  }

  /** Refuses with 401 without a valid token, 403 when it is another account's. */
  public void require(HttpRequest request, String account) {
    String header =
        request
            .getFirstHeader("Authorization")
            .orElseThrow(
                () ->
                    new Unauthenticated(
                        "an OIDC token of the calling service account is required"));
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new Unauthenticated("the Authorization header must be Bearer <OIDC token>");
    }
    String email = verifier.verify(header.substring(7).strip());
    if (!email.equalsIgnoreCase(account)) {
      throw new Forbidden(email + " may not call this endpoint");
    }
  }
}
