package org.meldekette.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.meldekette.domain.Member;
import org.meldekette.domain.Role;
import org.meldekette.store.MemberStore;
import org.meldekette.testing.BadRequests;
import org.meldekette.testing.BadRequests.Request;
import org.meldekette.testing.DatabaseContents;

/**
 * Thousands of generated bad requests against the staff API, signed in as a member who holds every
 * role so that each reaches the body checks: malformed JSON, wrong types, huge and deeply nested
 * values, invalid UTF-8, wrong content types and methods, bad query values, odd Authorization and
 * If-Match headers, unknown paths. Every one gets a 4xx with a JSON error, none a 5xx, and the
 * database is exactly as before.
 */
class LifecycleFuzzTest extends ServedLifecycle {
  private static final int REQUESTS = 6_000;
  private static final String EVERYTHING = "fuzzer@meldekette.test";

  @Test
  void noBadRequestGetsA5xxOrChangesAnything() throws Exception {
    new MemberStore(db)
        .put(new Member(EVERYTHING, EnumSet.allOf(Role.class), true), "test-setup", START);
    String id = completeBreach();
    String base = "/incidents/" + id;
    String measure =
        body(call("GET", base + "/measures", RESPONDER, null, null))
            .getAsJsonArray("measures")
            .get(0)
            .getAsJsonObject()
            .get("id")
            .getAsString();
    String etag = etag(id);
    Map<String, String> before = contents();

    List<String> signedIn =
        List.of("Authorization", "Bearer " + token(EVERYTHING), "If-Match", etag);
    List<String[]> writes =
        List.of(
            new String[] {
              "PUT",
              base + "/triage",
              """
            {"classification":"BREACH","severity":"P2","cia":{"confidentiality":"HIGH","integrity":"NONE",
             "availability":"NONE"},"scope":"s","affectedSystems":["a"],"dataDomains":["d"],"dataCategories":["c"],
             "estimatedDataSubjects":10,"estimatedRecords":10,"initialRisk":"HIGH",
             "awarenessAt":"2026-11-22T07:00:00Z","awarenessJustification":"j"}"""
            },
            new String[] {
              "POST",
              base + "/measures",
              """
            {"type":"CONTAINMENT","containmentKind":"OTHER","description":"d","owner":"o",
             "dueAt":"2026-12-01T00:00:00Z","status":"PLANNED"}"""
            },
            new String[] {
              "PATCH",
              base + "/measures/" + measure,
              """
            {"description":"d","owner":"o","dueAt":"2026-12-01T00:00:00Z","status":"DONE",
             "effectiveness":{"result":"EFFECTIVE","note":"n"}}"""
            },
            new String[] {
              "POST",
              base + "/evidence",
              "{\"source\":\"CLOUD_LOGGING\",\"location\":\"gs://b/o\","
                  + "\"sha256\":\""
                  + HASH
                  + "\",\"description\":\"d\",\"collectedAt\":\"2026-11-22T07:00:00Z\"}"
            },
            new String[] {
              "POST",
              base + "/evidence/EVD-0000000001/custody",
              "{\"action\":\"ACCESSED\",\"note\":\"n\"}"
            },
            new String[] {
              "POST",
              base + "/decisions",
              """
            {"type":"NOTIFY_AUTHORITY","reasoning":"r","corrects":"DEC-0000000001","delayReasons":"d"}"""
            },
            new String[] {
              "POST",
              base + "/transitions",
              "{\"to\":\"CONTAINMENT\",\"noEvidenceJustification\":\"j\"}"
            },
            new String[] {
              "POST",
              base + "/skip-requests",
              "{\"to\":\"LEGAL_ASSESSMENT\",\"justification\":\"j\"}"
            },
            new String[] {
              "POST", base + "/reopen", "{\"to\":\"DETECTION_TRIAGE\",\"justification\":\"j\"}"
            },
            new String[] {
              "POST",
              base + "/retention-extensions",
              """
            {"what":"INCIDENT_RECORD","until":"2030-01-01T00:00:00Z","justification":"j"}"""
            },
            new String[] {
              "POST",
              base + "/retention-extensions/RET-0000000001/renew",
              "{\"until\":\"2031-01-01T00:00:00Z\",\"justification\":\"j\"}"
            },
            new String[] {
              "PUT",
              base + "/assessment",
              """
            {"nature":"n","dataSubjectCategories":"c","likelyConsequences":"l","adviceToDataSubjects":"a",
             "maliciousActSuspected":true,"crossBorderImpact":false,"indicatorsOfCompromise":"i","rootCause":"r",
             "mitigation":"m"}"""
            },
            new String[] {"PUT", base + "/team", "{\"members\":[\"responder@meldekette.test\"]}"},
            new String[] {
              "PUT",
              base + "/regimes/NIS2",
              """
            {"triggeredAt":"2026-11-22T07:00:00Z","awareAt":"2026-11-22T07:00:00Z","justification":"j"}"""
            },
            new String[] {
              "POST",
              base + "/regimes/NIS2/requests",
              "{\"stage\":\"INTERMEDIATE\",\"dueAt\":\"2026-12-01T00:00:00Z\"}"
            },
            new String[] {
              "POST", base + "/approvals", "{\"audience\":\"SUPERVISORY_AUTHORITY\",\"note\":\"n\"}"
            },
            new String[] {
              "POST",
              base + "/communications",
              """
            {"audience":"SUPERVISORY_AUTHORITY","channel":"portal","summary":"s","sentAt":"2026-11-22T07:00:00Z",
             "notification":"INITIAL","stage":"GDPR/ART33","delayReasons":"d"}"""
            },
            new String[] {
              "POST",
              "/legal-holds",
              """
            {"subject":"customer-42","reason":"LITIGATION","reasonCodes":["LITIGATION"],"justification":"j",
             "incidentId":"INC-20261122-AAAAAA"}"""
            },
            new String[] {
              "POST", "/legal-holds/HLD-0000000001/release", "{\"justification\":\"j\"}"
            },
            new String[] {
              "PUT",
              "/members/someone@meldekette.test",
              "{\"roles\":[\"RESPONDER\"],\"active\":true}"
            });

    BadRequests generator = new BadRequests(20261122L);
    List<Request> requests = new ArrayList<>();
    int perWrite = REQUESTS * 7 / 10 / writes.size();
    for (String[] write : writes) {
      requests.addAll(generator.json(write[0], write[1], write[2], perWrite, signedIn));
    }
    while (requests.size() < REQUESTS) {
      requests.add(oddRequest(generator, base, etag, writes));
    }

    BadRequests.Answers answers = BadRequests.send(server.uri("/"), requests, 4);

    System.out.printf(
        "fuzzing incident-lifecycle: %d bad requests, statuses %s, error codes %s%n",
        answers.total(), answers.statuses(), answers.codes());
    assertThat(answers.unexpected()).as("answers other than a 4xx").isEmpty();
    assertThat(answers.total()).isEqualTo(REQUESTS);
    assertThat(contents()).as("the database after fuzzing").isEqualTo(before);
  }

  /** Headers, paths, methods and query values that are wrong, on any of the routes. */
  private Request oddRequest(
      BadRequests generator, String base, String etag, List<String[]> writes) {
    String[] write = generator.pick(writes);
    byte[] body = BadRequests.utf8(write[2]);
    // If-Match guards incident writes; members and legal holds are not versioned.
    String[] incidentWrite =
        generator.pick(writes.stream().filter(w -> w[1].startsWith(base)).toList());
    String bearer = "Bearer " + token(EVERYTHING);
    return switch (generator.nextInt(7)) {
      case 0 ->
          new Request(
              "bad Authorization",
              write[0],
              write[1],
              body,
              List.of(
                  "Content-Type",
                  "application/json",
                  "If-Match",
                  etag,
                  "Authorization",
                  generator.pick(
                      List.of(
                          "",
                          "Bearer",
                          "Bearer x.y.z",
                          "Basic Zm9vOmJhcg==",
                          "Bearer " + token(EVERYTHING).replace('.', '!'),
                          bearer.substring(0, bearer.length() - 5),
                          "Bearer "
                              + ISSUER.sign(
                                  EVERYTHING,
                                  "https://another.audience",
                                  clock.instant(),
                                  clock.instant().plusSeconds(600))))));
      case 1 ->
          new Request(
              "bad If-Match",
              incidentWrite[0],
              incidentWrite[1],
              BadRequests.utf8(incidentWrite[2]),
              generator.pick(
                  List.of(
                      List.of("Content-Type", "application/json", "Authorization", bearer),
                      List.of(
                          "Content-Type",
                          "application/json",
                          "Authorization",
                          bearer,
                          "If-Match",
                          generator.pick(
                              List.of(
                                  "W/" + etag,
                                  "\"999\"",
                                  "abc",
                                  "\"-1\"",
                                  "\"1e3\"",
                                  "x".repeat(5000),
                                  "\"\"",
                                  "\"99999999999999999999\""))))));
      case 2 ->
          generator.wrongMethod(
              write[1],
              List.of(write[0], "GET"),
              body,
              List.of(
                  "Content-Type", "application/json", "Authorization", bearer, "If-Match", etag));
      case 3 ->
          new Request(
              "unknown path",
              generator.pick(List.of("GET", "POST")),
              generator.pick(
                  List.of(
                      "/incidents/INC-20261122-ZZZZZZ",
                      "/incidents/" + "A".repeat(3000),
                      "/incidents/%00",
                      "/incidents/..%2f..",
                      base + "/nothing",
                      "/admin",
                      "/incidents/INC-1/measures/M-1/x",
                      "/%ff%fe",
                      base + "/measures/%2e%2e")),
              body,
              List.of(
                  "Content-Type", "application/json", "Authorization", bearer, "If-Match", etag));
      case 4 ->
          new Request(
              "bad query",
              "GET",
              generator.pick(
                  List.of(
                      "/incidents?pageSize="
                          + generator.pick(
                              List.of("0", "-1", "201", "abc", "1e3", "99999999999", "%ff")),
                      "/incidents?phase="
                          + generator.pick(List.of("TRIAGE", "closed", "x", "%C3%28")),
                      "/incidents?classification=MAYBE",
                      "/incidents?severity=P9",
                      "/incidents?overdue=maybe",
                      "/incidents?sort=title",
                      "/incidents?pageToken="
                          + generator.pick(List.of("garbage", "%00", "eyJ9", "x".repeat(900))),
                      base + "/timeline?pageSize=0",
                      base + "/timeline?pageToken=%ff%ff",
                      base + "/final-report?format=docx",
                      base + "/final-report?format=markdown&lang=fr",
                      base + "/drafts/authority-notification?notification=final",
                      "/breach-register?from=yesterday",
                      "/breach-register?format=xlsx",
                      "/legal-holds?subject=",
                      "/erasure-check",
                      "/erasure-check?subject=" + "x".repeat(2000))),
              null,
              List.of("Authorization", bearer));
      case 5 ->
          new Request(
              "empty body",
              write[0],
              write[1],
              new byte[0],
              List.of(
                  "Content-Type", "application/json", "Authorization", bearer, "If-Match", etag));
      default ->
          new Request(
              "member email not an email",
              "PUT",
              "/members/" + generator.pick(List.of("nobody", "a%40b", "x@", "@example.org", "a@b")),
              BadRequests.utf8("{\"roles\":[\"RESPONDER\"],\"active\":true}"),
              List.of("Content-Type", "application/json", "Authorization", bearer));
    };
  }

  /** Every document with its fields. */
  private static Map<String, String> contents() throws Exception {
    Map<String, String> contents = new TreeMap<>();
    for (String path : DatabaseContents.documentPaths(db)) {
      contents.put(path, String.valueOf(new TreeMap<>(db.document(path).get().get().getData())));
    }
    return contents;
  }
}
