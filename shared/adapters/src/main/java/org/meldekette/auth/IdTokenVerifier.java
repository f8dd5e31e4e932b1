package org.meldekette.auth;

import com.google.api.client.json.webtoken.JsonWebSignature;
import com.google.api.client.json.webtoken.JsonWebToken;
import com.google.auth.oauth2.TokenVerifier;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.meldekette.config.Env;

/**
 * Verifies Google-signed ID tokens (what IAP or {@code gcloud auth print-identity-token} gives)
 * with google-auth-library: signature (RS256 or ES256 only, so {@code alg: none} and HMAC confusion
 * fail), issuer, audience and expiry. On top, it insists on what that library leaves optional: an
 * expiry and an issue time must be present, the token must not be issued in the future, and the
 * email must be verified.
 */
public final class IdTokenVerifier {
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
  private final List<TokenVerifier> verifiers;
  private final Clock clock;

  private static final String GOOGLE_ISSUER = "https://accounts.google.com";
  private static final String GOOGLE_CERTIFICATES = "https://www.googleapis.com/oauth2/v3/certs";

  /**
   * Staff sign-in: {@code AUTH_AUDIENCE} lists the function's URL and the staff console's OAuth
   * client ID; {@code AUTH_ISSUER} and {@code AUTH_CERTS_URL} point elsewhere only in local runs.
   */
  public static IdTokenVerifier forStaff(Env env, Clock clock) {
    return new IdTokenVerifier(
        env.get("AUTH_ISSUER", GOOGLE_ISSUER),
        env.list("AUTH_AUDIENCE", env.require("AUTH_AUDIENCE")),
        env.get("AUTH_CERTS_URL", GOOGLE_CERTIFICATES),
        clock);
  }

  /** The OIDC tokens Cloud Tasks and Cloud Scheduler attach ({@code OIDC_*}). */
  public static IdTokenVerifier forServiceCalls(Env env, Clock clock) {
    return new IdTokenVerifier(
        env.get("OIDC_ISSUER", GOOGLE_ISSUER),
        env.require("OIDC_AUDIENCE"),
        env.get("OIDC_CERTS_URL", GOOGLE_CERTIFICATES),
        clock);
  }

  /**
   * @param certificatesUrl where the issuer publishes its keys (JWK set or PEM map)
   */
  public IdTokenVerifier(String issuer, String audience, String certificatesUrl, Clock clock) {
    this(issuer, List.of(audience), certificatesUrl, clock);
  }

  /**
   * @param audiences the audiences a token may be for: the function's URL, and the OAuth client ID
   *     of the staff console's Google sign-in
   */
  public IdTokenVerifier(
      String issuer, List<String> audiences, String certificatesUrl, Clock clock) {
    if (audiences.isEmpty()) {
      throw new IllegalArgumentException("at least one audience");
    }
    this.clock = clock;
    this.verifiers =
        audiences.stream()
            .map(
                audience ->
                    TokenVerifier.newBuilder()
                        .setIssuer(issuer)
                        .setAudience(audience)
                        .setCertificatesLocation(certificatesUrl)
                        .setClock(clock::millis)
                        .build())
            .toList();
  }

  /** The verified email (lower case) of the token's holder. */
  public String verify(String token) {
    JsonWebSignature jws = null;
    Exception first = null;
    for (TokenVerifier verifier : verifiers) {
      try {
        jws = verifier.verify(token);
        break;
      } catch (TokenVerifier.VerificationException | RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    if (jws == null) {
      throw new Unauthenticated("the ID token is not valid: " + reason(first));
    }
    JsonWebToken.Payload payload = jws.getPayload();
    long now = clock.instant().getEpochSecond();
    if (payload.getExpirationTimeSeconds() == null || payload.getIssuedAtTimeSeconds() == null) {
      throw new Unauthenticated("the ID token must carry exp and iat");
    }
    if (payload.getIssuedAtTimeSeconds() > now + CLOCK_SKEW.toSeconds()) {
      throw new Unauthenticated("the ID token is issued in the future");
    }
    Object email = payload.get("email");
    if (!(email instanceof String address) || address.isBlank()) {
      throw new Unauthenticated("the ID token carries no email");
    }
    Object verified = payload.get("email_verified");
    if (!Boolean.TRUE.equals(verified) && !"true".equals(verified)) {
      throw new Unauthenticated("the ID token's email is not verified");
    }
    return address.toLowerCase(Locale.ROOT);
  }

  /** The library's reason, which names the failed check and never the token itself. */
  private static String reason(Exception e) {
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
