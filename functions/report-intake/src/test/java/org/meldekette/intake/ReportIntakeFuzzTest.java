package org.meldekette.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.meldekette.testing.BadRequests;
import org.meldekette.testing.BadRequests.Request;
import org.meldekette.testing.DatabaseContents;

/**
 * Thousands of generated bad requests against report-intake: malformed JSON and forms, wrong types,
 * huge and deeply nested values, invalid UTF-8, every rule of the form broken, wrong content types
 * and methods, odd headers. Every one gets a 4xx naming the problem; none a 5xx; nothing is
 * written.
 */
class ReportIntakeFuzzTest extends ServedIntake {
  private static final int REQUESTS = 6_000;
  private static final String VALID =
      """
      {"kind":"SUSPECTED_DATA_BREACH","title":"Customer list readable","description":"Seen at /export.",
       "affectedSystems":["shop"],"observedAt":"2026-11-20T10:00:00Z","reporterName":"Erika Mustermann",
       "reporterEmail":"erika@example.org","language":"de","submissionId":"fuzz-1"}""";

  @Test
  void noBadRequestGetsA5xxOrWritesAnything() throws Exception {
    BadRequests generator = new BadRequests(20261122L);
    List<Request> requests = new ArrayList<>();
    requests.addAll(generator.json("POST", "/", VALID, REQUESTS * 6 / 10, List.of()));
    while (requests.size() < REQUESTS * 85 / 100) {
      requests.add(brokenRule(generator));
    }
    while (requests.size() < REQUESTS) {
      requests.add(oddRequest(generator));
    }

    BadRequests.Answers answers = BadRequests.send(server.uri("/"), requests, 4);

    System.out.printf(
        "fuzzing report-intake: %d bad requests, statuses %s, error codes %s%n",
        answers.total(), answers.statuses(), answers.codes());
    assertThat(answers.unexpected()).as("answers other than a 4xx").isEmpty();
    assertThat(answers.codes())
        .as("every refusal is the function's, with a JSON error")
        .doesNotContainKey("(no JSON error)");
    assertThat(answers.total()).isEqualTo(REQUESTS);
    assertThat(DatabaseContents.documentPaths(db)).isEmpty();
  }

  /** A well-formed report that breaks one rule of the form. */
  private static Request brokenRule(BadRequests generator) {
    List<Consumer<JsonObject>> breaks =
        List.of(
            r -> r.addProperty("title", ""),
            r -> r.addProperty("title", "   "),
            r -> r.addProperty("title", "line one\nline two"),
            r -> r.addProperty("title", "x".repeat(201 + generator.nextInt(500))),
            r -> r.addProperty("title", "bell\u0007"),
            r -> r.addProperty("title", "half __SURROGATE__ surrogate"),
            r -> r.remove("title"),
            r -> r.remove("description"),
            r -> r.remove("kind"),
            r -> r.addProperty("description", "x".repeat(20_001 + generator.nextInt(10_000))),
            r -> r.addProperty("description", "nul\u0000byte"),
            r ->
                r.addProperty(
                    "kind", generator.pick(List.of("INCIDENT", "BREACH", "", "OTHER_THING", "1"))),
            r ->
                r.addProperty(
                    "reporterEmail",
                    generator.pick(
                        List.of(
                            "erika.example.org",
                            "erika@",
                            "@example.org",
                            "erika@localhost",
                            "erika@example..org",
                            "a b@example.org",
                            "x".repeat(65) + "@example.org",
                            "erika@" + "d".repeat(250) + ".org",
                            "erika@exa_mple.org"))),
            r -> r.addProperty("reporterName", "x".repeat(201 + generator.nextInt(100))),
            r ->
                r.addProperty(
                    "observedAt",
                    generator.pick(
                        List.of(
                            "2999-01-01T00:00:00Z",
                            "yesterday",
                            "2026-11-20T10:00:00",
                            "2026-13-01T00:00:00Z",
                            "1795330860"))),
            r -> r.addProperty("language", generator.pick(List.of("fr", "DE-de", "english", "d"))),
            r ->
                r.addProperty(
                    "submissionId",
                    generator.pick(List.of("", "key with space", "ключ", "x".repeat(201)))),
            r -> {
              JsonArray systems = new JsonArray();
              for (int i = 0; i < 51 + generator.nextInt(100); i++) {
                systems.add("system-" + i);
              }
              r.add("affectedSystems", systems);
            },
            r -> {
              JsonArray systems = new JsonArray();
              systems.add("x".repeat(201));
              r.add("affectedSystems", systems);
            },
            r -> {
              JsonArray systems = new JsonArray();
              systems.add(42);
              r.add("affectedSystems", systems);
            });
    Consumer<JsonObject> broken = generator.pick(breaks);
    // An unpaired surrogate can only be sent as a JSON escape: as a Java string it would not
    // encode.
    String body =
        BadRequests.edited(
                VALID,
                report -> {
                  broken.accept(report);
                  return report;
                })
            .replace("__SURROGATE__", "\\ud800");
    return new Request(
        "broken rule", "POST", "/", BadRequests.utf8(body), List.of("Content-Type", JSON));
  }

  /** Forms, methods, origins and headers that are wrong. */
  private static Request oddRequest(BadRequests generator) {
    List<String> json = List.of("Content-Type", JSON);
    byte[] valid = BadRequests.utf8(VALID);
    return switch (generator.nextInt(8)) {
      case 0 -> generator.wrongMethod("/", List.of("POST", "OPTIONS"), valid, json);
      case 1 ->
          new Request(
              "foreign origin",
              "POST",
              "/",
              valid,
              List.of(
                  "Content-Type",
                  JSON,
                  "Origin",
                  generator.pick(
                      List.of(
                          "https://evil.example",
                          "null",
                          "http://localhost:5001",
                          "HTTP://LOCALHOST:5000"))));
      case 2 ->
          new Request(
              "preflight from a foreign origin",
              "OPTIONS",
              "/",
              null,
              generator.pick(
                  List.of(
                      List.of(),
                      List.of(
                          "Origin",
                          "https://evil.example",
                          "Access-Control-Request-Method",
                          "POST"))));
      case 3 ->
          new Request(
              "bad idempotency key",
              "POST",
              "/",
              valid,
              List.of(
                  "Content-Type",
                  JSON,
                  "Idempotency-Key",
                  generator.pick(List.of("x".repeat(201), "key with space", "key\twith\ttabs"))));
      case 4 ->
          new Request(
              "form: malformed encoding",
              "POST",
              "/",
              BadRequests.utf8(
                  generator.pick(
                      List.of(
                          "kind=OTHER&title=%zz&description=d",
                          "kind=OTHER&title=a%&description=d",
                          "kind=OTHER&title=%C3%28&description=d",
                          "=&=&=",
                          "kind"))),
              List.of("Content-Type", FORM));
      case 5 ->
          new Request(
              "form: repeated or unknown field",
              "POST",
              "/",
              BadRequests.utf8(
                  generator.pick(
                      List.of(
                          "kind=OTHER&title=a&title=b&description=d",
                          "kind=OTHER&title=a&description=d&admin=true",
                          "kind=OTHER&kind=VULNERABILITY&title=a&description=d"))),
              List.of("Content-Type", FORM));
      case 6 ->
          new Request(
              "form: broken rule",
              "POST",
              "/",
              BadRequests.utf8(
                  generator.pick(
                      List.of(
                          "kind=OTHER&title=&description=d",
                          "kind=OTHER&title=a&description=",
                          "kind=NOPE&title=a&description=d",
                          "kind=OTHER&title=a&description=d&reporterEmail=nope"))),
              List.of("Content-Type", FORM));
      default -> new Request("empty body", "POST", "/", new byte[0], json);
    };
  }
}
