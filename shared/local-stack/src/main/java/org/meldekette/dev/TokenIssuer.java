package org.meldekette.dev;

import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.json.webtoken.JsonWebSignature;
import com.google.api.client.json.webtoken.JsonWebToken;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.meldekette.json.Json;

/**
 * Signs ID tokens shaped like Google's (RS256, iss, aud, email, email_verified) with a key of its
 * own, and publishes that key as a JWK set. For the local stack and tests only: production verifies
 * against Google's published keys, which never include this one.
 */
public final class TokenIssuer {
  private final KeyPair keys;
  private final String keyId;
  private final String issuer;

  public TokenIssuer(String issuer, String keyId) {
    this.issuer = issuer;
    this.keyId = keyId;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      this.keys = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is part of every Java runtime", e);
    }
  }

  /** A token for {@code email}, valid from {@code issuedAt} until {@code expiresAt}. */
  public String sign(String email, String audience, Instant issuedAt, Instant expiresAt) {
    JsonWebToken.Payload payload =
        new JsonWebToken.Payload()
            .setIssuer(issuer)
            .setAudience(audience)
            .setSubject("local-" + Integer.toHexString(email.hashCode()))
            .setIssuedAtTimeSeconds(issuedAt.getEpochSecond())
            .setExpirationTimeSeconds(expiresAt.getEpochSecond());
    payload.set("email", email);
    payload.set("email_verified", true);
    return sign(payload);
  }

  /** Signs any payload, for tests that need tokens missing a claim. */
  public String sign(JsonWebToken.Payload payload) {
    JsonWebSignature.Header header =
        new JsonWebSignature.Header().setAlgorithm("RS256").setType("JWT").setKeyId(keyId);
    try {
      return JsonWebSignature.signUsingRsaSha256(
          keys.getPrivate(), GsonFactory.getDefaultInstance(), header, payload);
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("could not sign a token", e);
    }
  }

  public String issuer() {
    return issuer;
  }

  /** The public key as a JWK set, what the verifier's certificate URL serves. */
  public String jwks() {
    RSAPublicKey key = (RSAPublicKey) keys.getPublic();
    return Json.write(
        Map.of(
            "keys",
            List.of(
                Map.of(
                    "kty",
                    "RSA",
                    "alg",
                    "RS256",
                    "use",
                    "sig",
                    "kid",
                    keyId,
                    "n",
                    base64Url(key.getModulus()),
                    "e",
                    base64Url(key.getPublicExponent())))));
  }

  private static String base64Url(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
