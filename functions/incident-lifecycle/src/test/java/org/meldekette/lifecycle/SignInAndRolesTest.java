package org.meldekette.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.json.webtoken.JsonWebToken;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.meldekette.dev.TokenIssuer;
import org.meldekette.domain.Role;
import org.meldekette.testing.TestHttp;

/**
 * Bad tokens get 401; each role is refused outside its rights with 403, and a refusal changes
 * nothing.
 */
class SignInAndRolesTest extends ServedLifecycle {
  private static final TokenIssuer OTHER_KEY = new TokenIssuer(ISSUER.issuer(), "test-key-1");
  private static final TokenIssuer OTHER_KID = new TokenIssuer(ISSUER.issuer(), "unknown-key");

  static Stream<Arguments> badAuthorizations() {
    Instant now = START;
    Instant inAnHour = now.plus(Duration.ofHours(1));
    return Stream.of(
        Arguments.of("no header", null),
        Arguments.of("Basic scheme", "Basic cmVzcG9uZGVyOnNlY3JldA=="),
        Arguments.of("Bearer without token", "Bearer "),
        Arguments.of("malformed token", "Bearer not-a-jwt"),
        Arguments.of("three garbage parts", "Bearer a.b.c"),
        Arguments.of(
            "expired",
            bearer(ISSUER.sign(RESPONDER, AUDIENCE, now.minusSeconds(7200), now.minusSeconds(60)))),
        Arguments.of(
            "another audience",
            bearer(ISSUER.sign(RESPONDER, "https://other.example", now, inAnHour))),
        Arguments.of(
            "another issuer",
            bearer(
                new TokenIssuer("https://evil.example", "test-key-1")
                    .sign(RESPONDER, AUDIENCE, now, inAnHour))),
        Arguments.of(
            "signed by another key", bearer(OTHER_KEY.sign(RESPONDER, AUDIENCE, now, inAnHour))),
        Arguments.of("unknown key id", bearer(OTHER_KID.sign(RESPONDER, AUDIENCE, now, inAnHour))),
        Arguments.of("alg none", bearer(unsigned(RESPONDER))),
        Arguments.of("HS256 with a guessable secret", bearer(hmacSigned(RESPONDER))),
        Arguments.of(
            "issued in the future",
            bearer(ISSUER.sign(RESPONDER, AUDIENCE, now.plusSeconds(3600), now.plusSeconds(7200)))),
        Arguments.of(
            "no expiry", bearer(ISSUER.sign(payload(RESPONDER).setExpirationTimeSeconds(null)))),
        Arguments.of(
            "email not verified",
            bearer(ISSUER.sign(payload(RESPONDER).set("email_verified", false)))),
        Arguments.of("no email", bearer(ISSUER.sign(payload(RESPONDER).set("email", null)))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badAuthorizations")
  void aMissingOrInvalidTokenIsRefusedWith401(String name, String authorization) {
    clock.set(START);
    String[] headers =
        authorization == null ? new String[0] : new String[] {"Authorization", authorization};
    HttpResponse<String> response =
        TestHttp.send("GET", server.uri("/incidents"), (String) null, headers);
    assertThat(refused(response, 401)).isEqualTo("UNAUTHENTICATED");
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
  }

  @Test
  void aValidTokenOfSomeoneWhoIsNotAnActiveMemberIsRefusedWith403() {
    assertThat(refused(call("GET", "/incidents", "stranger@meldekette.test", null, null), 403))
        .isEqualTo("FORBIDDEN");
    assertThat(refused(call("GET", "/incidents", FORMER, null, null), 403)).isEqualTo("FORBIDDEN");
  }

  @Test
  void aBootstrapAdminNamedInTheConfigurationCanNameTheFirstMembers() {
    assertThat(call("GET", "/members", "bootstrap@meldekette.test", null, null).statusCode())
        .isEqualTo(200);
    HttpResponse<String> put =
        call(
            "PUT",
            "/members/new.responder@meldekette.test",
            "bootstrap@meldekette.test",
            null,
            "{\"roles\":[\"RESPONDER\"]}");
    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(call("GET", "/incidents", "new.responder@meldekette.test", null, null).statusCode())
        .isEqualTo(200);
  }

  record Endpoint(String method, String path, Set<Role> allowed) {}

  /** Every route and who may use it; GET routes are open to every member. */
  static List<Endpoint> endpoints(String id) {
    String base = "/incidents/" + id;
    // Every staff role reads incidents; the erasure workflow's service identity reads nothing but
    // its check.
    Set<Role> everyone =
        java.util.EnumSet.complementOf(java.util.EnumSet.of(Role.ERASURE_WORKFLOW));
    return List.of(
        new Endpoint("GET", "/incidents", everyone),
        new Endpoint("GET", base, everyone),
        new Endpoint("GET", base + "/timeline", everyone),
        new Endpoint("PUT", base + "/triage", Set.of(Role.RESPONDER)),
        new Endpoint("POST", base + "/measures", Set.of(Role.RESPONDER)),
        new Endpoint("PATCH", base + "/measures/MSR-0000000000", Set.of(Role.RESPONDER)),
        new Endpoint("POST", base + "/evidence", Set.of(Role.RESPONDER)),
        new Endpoint("POST", base + "/evidence/EVD-0000000000/custody", Set.of(Role.RESPONDER)),
        new Endpoint("POST", base + "/transitions", Set.of(Role.RESPONDER)),
        new Endpoint("POST", base + "/skip-requests", Set.of(Role.RESPONDER)),
        new Endpoint(
            "POST", base + "/skip-requests/SKP-0000000000/approve", Set.of(Role.SECOND_LINE)),
        new Endpoint("POST", base + "/reopen", Set.of(Role.SECOND_LINE)),
        new Endpoint("POST", base + "/decisions", Set.of(Role.LEGAL, Role.DPO)),
        new Endpoint(
            "POST", base + "/acknowledgements", Set.of(Role.SECOND_LINE, Role.DPO, Role.LEGAL)),
        new Endpoint(
            "POST", base + "/triage-changes", Set.of(Role.RESPONDER, Role.LEGAL, Role.DPO)),
        new Endpoint(
            "POST", base + "/triage-changes/TCR-0000000000/approve", Set.of(Role.LEGAL, Role.DPO)),
        new Endpoint("PUT", base + "/risk", Set.of(Role.LEGAL, Role.DPO)),
        new Endpoint("PUT", base + "/processing", Set.of(Role.LEGAL, Role.DPO)),
        new Endpoint("POST", base + "/operation-restored", Set.of(Role.RESPONDER)),
        new Endpoint("POST", base + "/final-report/issued", Set.of(Role.SECOND_LINE, Role.DPO)),
        new Endpoint("POST", base + "/retention-extensions", Set.of(Role.LEGAL, Role.DPO)),
        new Endpoint(
            "POST",
            base + "/retention-extensions/RET-0000000000/lift",
            Set.of(Role.LEGAL, Role.DPO)),
        new Endpoint("POST", "/legal-holds", Set.of(Role.LEGAL, Role.DPO)),
        new Endpoint("POST", "/legal-holds/HLD-0000000000/release", Set.of(Role.LEGAL, Role.DPO)),
        new Endpoint("GET", "/legal-holds?subject=account:1", Set.of(Role.LEGAL, Role.DPO)),
        new Endpoint(
            "GET",
            "/erasure-check?subject=account:1",
            Set.of(Role.ERASURE_WORKFLOW, Role.LEGAL, Role.DPO)),
        new Endpoint("GET", "/members", Set.of(Role.ADMIN)),
        new Endpoint("PUT", "/members/someone@meldekette.test", Set.of(Role.ADMIN)));
  }

  private static final Map<Role, String> ONE_ROLE_MEMBERS =
      Map.of(
          Role.RESPONDER,
          RESPONDER,
          Role.SECOND_LINE,
          SECOND_LINE,
          Role.LEGAL,
          LEGAL,
          Role.DPO,
          DPO,
          Role.COMMUNICATIONS,
          COMMUNICATIONS,
          Role.ADMIN,
          ADMIN,
          Role.ERASURE_WORKFLOW,
          ERASURE);

  @Test
  void eachRoleIsRefusedOutsideItsRightsAndAdmittedWithinThem() throws Exception {
    String id = newIncident();
    String etag = etag(id);
    List<String> wrong = new ArrayList<>();
    for (boolean allowedPass : new boolean[] {false, true}) {
      for (Endpoint endpoint : endpoints(id)) {
        for (Map.Entry<Role, String> member : ONE_ROLE_MEMBERS.entrySet()) {
          boolean allowed = endpoint.allowed().contains(member.getKey());
          if (allowed != allowedPass) {
            continue;
          }
          String json = endpoint.method().equals("GET") ? null : "{}";
          int status =
              call(endpoint.method(), endpoint.path(), member.getValue(), etag, json).statusCode();
          if (allowed ? status == 403 || status == 401 : status != 403) {
            wrong.add(
                endpoint.method()
                    + " "
                    + endpoint.path()
                    + " as "
                    + member.getKey()
                    + ": "
                    + status);
          }
        }
      }
      if (!allowedPass) {
        // Every refusal so far: the incident is untouched.
        assertThat(
                body(call("GET", "/incidents/" + id, RESPONDER, null, null))
                    .get("version")
                    .getAsLong())
            .isEqualTo(1);
        assertThat(call("GET", "/members", ADMIN, null, null).body())
            .doesNotContain("someone@meldekette.test");
      }
    }
    assertThat(wrong).isEmpty();
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }

  private static JsonWebToken.Payload payload(String email) {
    JsonWebToken.Payload payload =
        new JsonWebToken.Payload()
            .setIssuer(ISSUER.issuer())
            .setAudience(AUDIENCE)
            .setIssuedAtTimeSeconds(START.getEpochSecond())
            .setExpirationTimeSeconds(START.getEpochSecond() + 3600);
    payload.set("email", email);
    payload.set("email_verified", true);
    return payload;
  }

  private static String claims(String email) {
    return base64(
        "{\"iss\":\""
            + ISSUER.issuer()
            + "\",\"aud\":\""
            + AUDIENCE
            + "\",\"email\":\""
            + email
            + "\",\"email_verified\":true,\"iat\":"
            + START.getEpochSecond()
            + ",\"exp\":"
            + (START.getEpochSecond() + 3600)
            + "}");
  }

  private static String unsigned(String email) {
    return base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + claims(email) + ".";
  }

  private static String hmacSigned(String email) {
    String signingInput =
        base64("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"test-key-1\"}") + "." + claims(email);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec("secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return signingInput
          + "."
          + Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
