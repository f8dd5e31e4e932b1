package org.meldekette.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.meldekette.testing.DatabaseContents;
import org.meldekette.testing.TestHttp;

/** Every kind of bad input gets its status, code and field, and writes nothing at all. */
class ReportIntakeRejectionTest extends ServedIntake {
  record BadRequest(
      String name,
      String method,
      String contentType,
      byte[] body,
      String[] headers,
      int status,
      String code,
      String field) {
    @Override
    public String toString() {
      return name;
    }
  }

  static BadRequest json(String name, String body, String code, String field) {
    return new BadRequest(
        name, "POST", JSON, body.getBytes(StandardCharsets.UTF_8), new String[0], 400, code, field);
  }

  static BadRequest form(String name, String body, String code, String field) {
    return new BadRequest(
        name, "POST", FORM, body.getBytes(StandardCharsets.UTF_8), new String[0], 400, code, field);
  }

  static Stream<Arguments> badRequests() {
    String ok = "\"kind\":\"OTHER\",\"title\":\"t\",\"description\":\"d\"";
    return Stream.of(
            json("missing kind", "{\"title\":\"t\",\"description\":\"d\"}", "REQUIRED", "kind"),
            json(
                "unknown kind",
                "{\"kind\":\"HACK\",\"title\":\"t\",\"description\":\"d\"}",
                "INVALID_VALUE",
                "kind"),
            json(
                "missing title", "{\"kind\":\"OTHER\",\"description\":\"d\"}", "REQUIRED", "title"),
            json(
                "blank title",
                "{\"kind\":\"OTHER\",\"title\":\"   \",\"description\":\"d\"}",
                "REQUIRED",
                "title"),
            json(
                "title of 201 characters",
                "{\"kind\":\"OTHER\",\"title\":\"" + "a".repeat(201) + "\",\"description\":\"d\"}",
                "TOO_LONG",
                "title"),
            json(
                "title with a line break",
                "{\"kind\":\"OTHER\",\"title\":\"a\\nb\",\"description\":\"d\"}",
                "CONTROL_CHARACTER",
                "title"),
            json(
                "title as a number",
                "{\"kind\":\"OTHER\",\"title\":5,\"description\":\"d\"}",
                "INVALID_TYPE",
                "title"),
            json(
                "empty description",
                "{\"kind\":\"OTHER\",\"title\":\"t\",\"description\":\"\"}",
                "REQUIRED",
                "description"),
            json(
                "description of 20001 characters",
                "{\"kind\":\"OTHER\",\"title\":\"t\",\"description\":\""
                    + "\u00e4".repeat(20_001)
                    + "\"}",
                "TOO_LONG",
                "description"),
            json(
                "affected systems not a list",
                "{" + ok + ",\"affectedSystems\":\"crm\"}",
                "INVALID_TYPE",
                "affectedSystems"),
            json(
                "affected system not a string",
                "{" + ok + ",\"affectedSystems\":[\"crm\",{}]}",
                "INVALID_TYPE",
                "affectedSystems"),
            json(
                "51 affected systems",
                "{" + ok + ",\"affectedSystems\":" + systems(51) + "}",
                "TOO_MANY",
                "affectedSystems"),
            json(
                "observedAt not a time",
                "{" + ok + ",\"observedAt\":\"yesterday\"}",
                "INVALID_TIME",
                "observedAt"),
            json(
                "observedAt without offset",
                "{" + ok + ",\"observedAt\":\"2026-11-22T07:00:00\"}",
                "INVALID_TIME",
                "observedAt"),
            json(
                "observedAt in the future",
                "{" + ok + ",\"observedAt\":\"2026-11-22T09:00:00Z\"}",
                "IN_FUTURE",
                "observedAt"),
            json(
                "reporter name too long",
                "{" + ok + ",\"reporterName\":\"" + "n".repeat(201) + "\"}",
                "TOO_LONG",
                "reporterName"),
            json(
                "invalid email",
                "{" + ok + ",\"reporterEmail\":\"erika@\"}",
                "INVALID_EMAIL",
                "reporterEmail"),
            json(
                "email without a domain dot",
                "{" + ok + ",\"reporterEmail\":\"erika@localhost\"}",
                "INVALID_EMAIL",
                "reporterEmail"),
            json(
                "unsupported language",
                "{" + ok + ",\"language\":\"fr\"}",
                "INVALID_VALUE",
                "language"),
            json(
                "unknown field",
                "{" + ok + ",\"reporterPhone\":\"0123\"}",
                "UNKNOWN_FIELD",
                "reporterPhone"),
            json("malformed JSON", "{\"kind\":\"OTHER\",", "MALFORMED_JSON", null),
            json("JSON with trailing garbage", "{" + ok + "} x", "MALFORMED_JSON", null),
            json("JSON with a comment", "{" + ok + " /* hi */}", "MALFORMED_JSON", null),
            json("a JSON array", "[{" + ok + "}]", "NOT_AN_OBJECT", null),
            json(
                "deeply nested JSON",
                "{" + ok + ",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
                "MALFORMED_JSON",
                null),
            json("empty body", "", "MALFORMED_JSON", null),
            json(
                "submissionId with spaces",
                "{" + ok + ",\"submissionId\":\"a b\"}",
                "INVALID_IDEMPOTENCY_KEY",
                "submissionId"),
            new BadRequest(
                "Idempotency-Key too long",
                "POST",
                JSON,
                ("{" + ok + "}").getBytes(StandardCharsets.UTF_8),
                new String[] {"Idempotency-Key", "k".repeat(201)},
                400,
                "INVALID_IDEMPOTENCY_KEY",
                "Idempotency-Key"),
            form(
                "form with a repeated title",
                "kind=OTHER&title=a&title=b&description=d",
                "REPEATED_FIELD",
                "title"),
            form(
                "form with a broken escape",
                "kind=OTHER&title=%E2%8&description=d",
                "MALFORMED_FORM",
                "title"),
            form(
                "form with invalid UTF-8",
                "kind=OTHER&title=%C3%28&description=d",
                "INVALID_ENCODING",
                "title"),
            form(
                "form with an empty description",
                "kind=OTHER&title=t&description=",
                "REQUIRED",
                "description"),
            form(
                "form with an invalid email",
                "kind=OTHER&title=t&description=d&reporterEmail=not-an-address",
                "INVALID_EMAIL",
                "reporterEmail"),
            new BadRequest(
                "JSON body that is not UTF-8",
                "POST",
                JSON,
                new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xff, '"', '}'},
                new String[0],
                400,
                "INVALID_ENCODING",
                null),
            new BadRequest(
                "text/plain",
                "POST",
                "text/plain",
                "hello".getBytes(StandardCharsets.UTF_8),
                new String[0],
                415,
                "UNSUPPORTED_MEDIA_TYPE",
                null),
            new BadRequest(
                "no content type",
                "POST",
                null,
                ("{" + ok + "}").getBytes(StandardCharsets.UTF_8),
                new String[0],
                415,
                "UNSUPPORTED_MEDIA_TYPE",
                null),
            new BadRequest(
                "JSON in Latin-1",
                "POST",
                JSON + "; charset=ISO-8859-1",
                ("{" + ok + "}").getBytes(StandardCharsets.UTF_8),
                new String[0],
                415,
                "UNSUPPORTED_CHARSET",
                null),
            new BadRequest(
                "body over 64 KiB",
                "POST",
                JSON,
                ("{" + ok + ",\"x\":\"" + "a".repeat(65 * 1024) + "\"}")
                    .getBytes(StandardCharsets.UTF_8),
                new String[0],
                413,
                "BODY_TOO_LARGE",
                null),
            new BadRequest(
                "GET", "GET", null, null, new String[0], 405, "METHOD_NOT_ALLOWED", null),
            new BadRequest(
                "PUT",
                "PUT",
                JSON,
                ("{" + ok + "}").getBytes(StandardCharsets.UTF_8),
                new String[0],
                405,
                "METHOD_NOT_ALLOWED",
                null),
            new BadRequest(
                "DELETE", "DELETE", null, null, new String[0], 405, "METHOD_NOT_ALLOWED", null),
            new BadRequest(
                "post from a foreign origin",
                "POST",
                JSON,
                ("{" + ok + "}").getBytes(StandardCharsets.UTF_8),
                new String[] {"Origin", "https://evil.example.net"},
                403,
                "ORIGIN_NOT_ALLOWED",
                null),
            new BadRequest(
                "preflight from a foreign origin",
                "OPTIONS",
                null,
                null,
                new String[] {
                  "Origin", "https://evil.example.net", "Access-Control-Request-Method", "POST"
                },
                403,
                "ORIGIN_NOT_ALLOWED",
                null))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void isRefusedWithItsStatusAndCodeAndWritesNothing(BadRequest bad) {
    var before = DatabaseContents.documentPaths(db);
    String[] headers =
        bad.contentType() == null
            ? bad.headers()
            : Stream.concat(
                    Stream.of("Content-Type", bad.contentType()), Arrays.stream(bad.headers()))
                .toArray(String[]::new);

    HttpResponse<String> response =
        TestHttp.send(bad.method(), server.uri("/"), bad.body(), headers);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(bad.status());
    JsonObject error = TestHttp.json(response).getAsJsonObject("error");
    assertThat(error.get("code").getAsString()).isEqualTo(bad.code());
    assertThat(error.get("message").getAsString()).isNotBlank();
    if (bad.field() == null) {
      assertThat(error.has("field")).isFalse();
    } else {
      assertThat(error.get("field").getAsString()).isEqualTo(bad.field());
    }
    assertThat(DatabaseContents.documentPaths(db)).isEqualTo(before).isEmpty();
  }

  private static String systems(int count) {
    StringBuilder list = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      list.append(i == 0 ? "" : ",").append("\"system-").append(i).append('"');
    }
    return list.append(']').toString();
  }
}
