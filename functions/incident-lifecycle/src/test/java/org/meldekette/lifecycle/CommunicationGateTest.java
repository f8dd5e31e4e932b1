package org.meldekette.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.meldekette.domain.Audience;

/** No external communication before legal sign-off; press also needs the communications role. */
class CommunicationGateTest extends ServedLifecycle {

  private static String breach() throws Exception {
    String id = newIncident();
    write(
        "PUT",
        "/incidents/" + id + "/triage",
        RESPONDER,
        etag(id),
        "{\"classification\":\"BREACH\"}",
        200);
    return id;
  }

  private static String communication(Audience audience, String extra) {
    return ("{\"audience\":\"%s\",\"channel\":\"portal\",\"summary\":\"What we told them.\","
            + "\"sentAt\":\"%s\"%s}")
        .formatted(audience, clock.instant(), extra);
  }

  private static String extraFor(Audience audience) {
    return audience == Audience.SUPERVISORY_AUTHORITY ? ",\"notification\":\"INITIAL\"" : "";
  }

  @ParameterizedTest
  @EnumSource(
      value = Audience.class,
      names = {"PRESS", "REPORTER"},
      mode = EnumSource.Mode.EXCLUDE)
  void eachAudienceIsRefusedBeforeLegalApprovalAndAcceptedAfter(Audience audience)
      throws Exception {
    clock.set(START);
    String id = breach();
    HttpResponse<String> refused =
        call(
            "POST",
            "/incidents/" + id + "/communications",
            RESPONDER,
            etag(id),
            communication(audience, extraFor(audience)));
    assertThat(refused(refused, 409)).isEqualTo("LEGAL_APPROVAL_MISSING");
    assertThat(
            body(call("GET", "/incidents/" + id + "/communications", LEGAL, null, null))
                .getAsJsonArray("communications"))
        .isEmpty();

    assertThat(
            call(
                    "POST",
                    "/incidents/" + id + "/approvals",
                    DPO,
                    etag(id),
                    "{\"audience\":\"" + audience + "\"}")
                .statusCode())
        .as("only LEGAL approves")
        .isEqualTo(403);
    write(
        "POST",
        "/incidents/" + id + "/approvals",
        LEGAL,
        etag(id),
        "{\"audience\":\"" + audience + "\",\"note\":\"Text reviewed.\"}",
        201);
    write(
        "POST",
        "/incidents/" + id + "/communications",
        RESPONDER,
        etag(id),
        communication(audience, extraFor(audience)),
        201);
  }

  @Test
  void anApprovalForOneAudienceDoesNotOpenAnother() throws Exception {
    clock.set(START);
    String id = breach();
    write(
        "POST",
        "/incidents/" + id + "/approvals",
        LEGAL,
        etag(id),
        "{\"audience\":\"CUSTOMERS\"}",
        201);
    assertThat(
            refused(
                call(
                    "POST",
                    "/incidents/" + id + "/communications",
                    RESPONDER,
                    etag(id),
                    communication(Audience.PROCESSOR, "")),
                409))
        .isEqualTo("LEGAL_APPROVAL_MISSING");
  }

  @Test
  void pressStatementsNeedBothLegalApprovalAndTheCommunicationsRole() throws Exception {
    clock.set(START);
    String id = breach();
    assertThat(
            refused(
                call(
                    "POST",
                    "/incidents/" + id + "/communications",
                    COMMUNICATIONS,
                    etag(id),
                    communication(Audience.PRESS, "")),
                409))
        .isEqualTo("LEGAL_APPROVAL_MISSING");
    write(
        "POST",
        "/incidents/" + id + "/approvals",
        LEGAL,
        etag(id),
        "{\"audience\":\"PRESS\"}",
        201);
    assertThat(
            call(
                    "POST",
                    "/incidents/" + id + "/communications",
                    RESPONDER,
                    etag(id),
                    communication(Audience.PRESS, ""))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            call(
                    "POST",
                    "/incidents/" + id + "/communications",
                    LEGAL,
                    etag(id),
                    communication(Audience.PRESS, ""))
                .statusCode())
        .isEqualTo(403);
    write(
        "POST",
        "/incidents/" + id + "/communications",
        COMMUNICATIONS,
        etag(id),
        communication(Audience.PRESS, ""),
        201);
  }

  @Test
  void anAuthorityNotificationSentAfterTheArticle33DeadlineNeedsTheReasonsForTheDelay()
      throws Exception {
    clock.set(START);
    String id = breach();
    write(
        "POST",
        "/incidents/" + id + "/approvals",
        LEGAL,
        etag(id),
        "{\"audience\":\"SUPERVISORY_AUTHORITY\"}",
        201);
    clock.advance(Duration.ofHours(80));
    HttpResponse<String> late =
        call(
            "POST",
            "/incidents/" + id + "/communications",
            LEGAL,
            etag(id),
            communication(Audience.SUPERVISORY_AUTHORITY, ",\"notification\":\"INITIAL\""));
    assertThat(refused(late, 400)).isEqualTo("REQUIRED");
    assertThat(body(late).getAsJsonObject("error").get("field").getAsString())
        .isEqualTo("delayReasons");
    write(
        "POST",
        "/incidents/" + id + "/communications",
        LEGAL,
        etag(id),
        communication(
            Audience.SUPERVISORY_AUTHORITY,
            ",\"notification\":\"INITIAL\",\"delayReasons\":\"The forensic firm confirmed the scope on day 3.\""),
        201);
    // A supplementary notification (Art. 33(4)) may follow at any time.
    clock.advance(Duration.ofDays(5));
    write(
        "POST",
        "/incidents/" + id + "/communications",
        LEGAL,
        etag(id),
        communication(Audience.SUPERVISORY_AUTHORITY, ",\"notification\":\"SUPPLEMENTARY\""),
        201);
  }

  @Test
  void communicationsAreNeedToKnow() throws Exception {
    clock.set(START);
    String id = breach();
    write(
        "POST",
        "/incidents/" + id + "/approvals",
        LEGAL,
        etag(id),
        "{\"audience\":\"CUSTOMERS\"}",
        201);
    write(
        "POST",
        "/incidents/" + id + "/communications",
        RESPONDER,
        etag(id),
        communication(Audience.CUSTOMERS, ""),
        201);
    assertThat(
            call("GET", "/incidents/" + id + "/communications", RESPONDER_2, null, null)
                .statusCode())
        .isEqualTo(403);
    assertThat(
            call("GET", "/incidents/" + id + "/communications", COMMUNICATIONS, null, null)
                .statusCode())
        .isEqualTo(403);
    write(
        "PUT",
        "/incidents/" + id + "/team",
        RESPONDER,
        etag(id),
        "{\"members\":[\"" + RESPONDER_2.toUpperCase() + "\"]}",
        200);
    assertThat(
            body(call("GET", "/incidents/" + id + "/communications", RESPONDER_2, null, null))
                .getAsJsonArray("communications"))
        .hasSize(1);
    for (String seesAll : new String[] {SECOND_LINE, LEGAL, DPO}) {
      assertThat(
              call("GET", "/incidents/" + id + "/communications", seesAll, null, null).statusCode())
          .isEqualTo(200);
    }
  }
}
