package org.meldekette.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /incidents/{id}?include=...}: the incident page in one request, every part answered
 * exactly as its own GET answers the same member, refusals included.
 */
class IncludedReadsTest extends ServedLifecycle {
  private static final String EVERY_PART =
      "timeline,alerts,audit-verification,triage-changes,report,reporter-messages,measures,"
          + "evidence,decisions,skip-requests,retention-extensions,communications,final-reports";

  private static JsonObject included(String id, String who) {
    return body(call("GET", "/incidents/" + id + "?include=" + EVERY_PART, who, null, null))
        .getAsJsonObject("included");
  }

  /** What the part's own GET answers: status and body. */
  private static JsonObject alone(String id, String path, String who) {
    HttpResponse<String> response = call("GET", "/incidents/" + id + path, who, null, null);
    JsonObject answer = new JsonObject();
    answer.addProperty("status", response.statusCode());
    answer.add("body", com.google.gson.JsonParser.parseString(response.body()));
    return answer;
  }

  @Test
  void everyPartIsWhatItsOwnReadAnswersTheSameMemberRefusalsIncluded() throws Exception {
    String id = newIncident();
    containmentMeasure(id, inContainment(id), "Block the scraper's IP range");

    for (String who : new String[] {RESPONDER, LEGAL}) {
      HttpResponse<String> page =
          call("GET", "/incidents/" + id + "?include=" + EVERY_PART, who, null, null);
      HttpResponse<String> plain = call("GET", "/incidents/" + id, who, null, null);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("ETag")).isEqualTo(plain.headers().firstValue("ETag"));
      JsonObject pageBody = body(page);
      JsonObject included = pageBody.remove("included").getAsJsonObject();
      assertThat(pageBody).isEqualTo(body(plain));
      assertThat(included.keySet()).hasSize(13);
      assertThat(included.get("timeline")).isEqualTo(alone(id, "/timeline?pageSize=200", who));
      assertThat(included.get("audit-verification")).isEqualTo(alone(id, "/audit/verify", who));
      for (String part :
          new String[] {
            "alerts",
            "triage-changes",
            "report",
            "reporter-messages",
            "measures",
            "evidence",
            "decisions",
            "skip-requests",
            "retention-extensions",
            "communications",
            "final-reports"
          }) {
        assertThat(included.get(part)).as(part).isEqualTo(alone(id, "/" + part, who));
      }
    }
    JsonObject asResponder = included(id, RESPONDER);
    // Need-to-know: a responder outside the incident's team does not see its communications.
    assertThat(asResponder.getAsJsonObject("communications").get("status").getAsInt())
        .isEqualTo(403);
    assertThat(included(id, LEGAL).getAsJsonObject("communications").get("status").getAsInt())
        .isEqualTo(200);
    // A staff-created incident has no report.
    assertThat(asResponder.getAsJsonObject("report").get("status").getAsInt()).isEqualTo(404);
    JsonElement measures =
        asResponder.getAsJsonObject("measures").getAsJsonObject("body").get("measures");
    assertThat(measures.getAsJsonArray()).hasSize(1);
  }

  @Test
  void anUnknownPartIsA400NamingItAndAnUnknownIncidentA404() throws Exception {
    String id = newIncident();
    HttpResponse<String> unknown =
        call("GET", "/incidents/" + id + "?include=measures,secrets", RESPONDER, null, null);
    assertThat(refused(unknown, 400)).isEqualTo("UNKNOWN_INCLUDE");
    assertThat(unknown.body()).contains("secrets");
    assertThat(
            refused(
                call(
                    "GET",
                    "/incidents/INC-20260101-AAAAAA?include=measures",
                    RESPONDER,
                    null,
                    null),
                404))
        .isEqualTo("NOT_FOUND");
    assertThat(refused(call("GET", "/incidents/" + id + "?include=", FORMER, null, null), 403))
        .isEqualTo("FORBIDDEN");
  }
}
