package org.meldekette.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meldekette.testing.TestHttp;

/**
 * What the staff console needs of the API: the same routes under {@code /api/staff} (where Firebase
 * Hosting passes them on), tokens from Google sign-in (whose audience is the console's client ID),
 * who the caller is, and the incidents of their team.
 */
class ConsoleApiTest extends ServedLifecycle {

  private static HttpResponse<String> withToken(String path, String token) {
    return TestHttp.send(
        "GET", server.uri(path), (String) null, "Authorization", "Bearer " + token);
  }

  @Test
  void theApiAnswersUnderTheConsolesPathAsUnderItsOwn() throws Exception {
    clock.set(START);
    String id = newIncident();
    HttpResponse<String> direct = call("GET", "/incidents/" + id, RESPONDER, null, null);
    HttpResponse<String> proxied = call("GET", "/api/staff/incidents/" + id, RESPONDER, null, null);
    assertThat(proxied.statusCode()).isEqualTo(200);
    assertThat(proxied.body()).isEqualTo(direct.body());
    assertThat(call("GET", "/api/staffing/incidents/" + id, RESPONDER, null, null).statusCode())
        .as("only that exact prefix")
        .isEqualTo(404);
  }

  @Test
  void aTokenFromTheConsolesGoogleSignInIsAcceptedAndAnyOtherAudienceIsNot() {
    clock.set(START);
    String console =
        ISSUER.sign(RESPONDER, CONSOLE_CLIENT_ID, START, START.plus(Duration.ofHours(1)));
    assertThat(withToken("/me", console).statusCode()).isEqualTo(200);
    String foreign =
        ISSUER.sign(
            RESPONDER,
            "999-other.apps.googleusercontent.com",
            START,
            START.plus(Duration.ofHours(1)));
    assertThat(refused(withToken("/me", foreign), 401)).isEqualTo("UNAUTHENTICATED");
  }

  @Test
  void theCallerLearnsTheirRolesAndFindsTheIncidentsOfTheirTeam() throws Exception {
    clock.set(START.plus(Duration.ofDays(3)));
    assertThat(
            body(call("GET", "/me", RESPONDER_AND_SECOND_LINE, null, null)).getAsJsonArray("roles"))
        .extracting(e -> e.getAsString())
        .containsExactly("RESPONDER", "SECOND_LINE");
    String mine = newIncident();
    String other = newIncident();
    write(
        "PUT",
        "/incidents/" + mine + "/team",
        RESPONDER,
        etag(mine),
        "{\"members\":[\"" + RESPONDER_2 + "\"]}",
        200);
    List<String> listed = new ArrayList<>();
    JsonArray incidents =
        body(call("GET", "/incidents?mine=true&pageSize=200", RESPONDER_2, null, null))
            .getAsJsonArray("incidents");
    incidents.forEach(i -> listed.add(i.getAsJsonObject().get("id").getAsString()));
    assertThat(listed).contains(mine).doesNotContain(other);
    assertThat(refused(call("GET", "/incidents?mine=yes", RESPONDER_2, null, null), 400))
        .isEqualTo("INVALID_VALUE");
  }
}
