package org.meldekette.lifecycle;

import com.google.cloud.firestore.Firestore;
import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.meldekette.dev.JwksEndpoint;
import org.meldekette.dev.LocalTaskQueue;
import org.meldekette.dev.TokenIssuer;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentIds;
import org.meldekette.domain.IncidentSource;
import org.meldekette.domain.Member;
import org.meldekette.domain.Role;
import org.meldekette.store.CollectionNames;
import org.meldekette.store.IncidentDocuments;
import org.meldekette.store.MemberStore;
import org.meldekette.testing.FirestoreExtension;
import org.meldekette.testing.FunctionServer;
import org.meldekette.testing.MutableClock;
import org.meldekette.testing.TestHttp;

/**
 * Serves {@link IncidentLifecycleUnderTest} on the test class's own database, with a key server that signs
 * in the test's staff, and helpers to call the API as one of them.
 */
@ExtendWith(FirestoreExtension.class)
abstract class ServedLifecycle {
  static final String AUDIENCE = "https://incident-lifecycle.meldekette.test";
  static final TokenIssuer ISSUER = new TokenIssuer("https://issuer.meldekette.test", "test-key-1");
  static final Instant START = Instant.parse("2026-11-22T08:00:00Z");

  static final String RESPONDER = "responder@meldekette.test";
  static final String RESPONDER_2 = "responder2@meldekette.test";
  static final String SECOND_LINE = "second@meldekette.test";
  /** Responder and second line at once: may request a skip, but never approve their own. */
  static final String RESPONDER_AND_SECOND_LINE = "both@meldekette.test";
  static final String LEGAL = "legal@meldekette.test";
  static final String DPO = "dpo@meldekette.test";
  static final String COMMUNICATIONS = "comms@meldekette.test";
  static final String ADMIN = "admin@meldekette.test";
  static final String FORMER = "former@meldekette.test";
  /** The erasure workflow's service identity. */
  static final String ERASURE = "erasure-workflow@meldekette-test.iam.gserviceaccount.com";

  static Firestore db;
  static MutableClock clock;
  static FunctionServer server;
  static JwksEndpoint keys;
  static LocalTaskQueue queue;

  @BeforeAll
  static void start(Firestore database) throws Exception {
    db = database;
    clock = new MutableClock(START);
    keys = JwksEndpoint.serve(ISSUER, 0);
    IncidentLifecycleUnderTest.db = database;
    IncidentLifecycleUnderTest.clock = clock;
    IncidentLifecycleUnderTest.certsUrl = keys.certsUrl();
    queue = new LocalTaskQueue(0, "tasks@meldekette.test", clock);
    IncidentLifecycleUnderTest.queueUrl = queue.url();
    MemberStore members = new MemberStore(database);
    member(members, RESPONDER, EnumSet.of(Role.RESPONDER), true);
    member(members, RESPONDER_2, EnumSet.of(Role.RESPONDER), true);
    member(members, SECOND_LINE, EnumSet.of(Role.SECOND_LINE), true);
    member(members, RESPONDER_AND_SECOND_LINE, EnumSet.of(Role.RESPONDER, Role.SECOND_LINE), true);
    member(members, LEGAL, EnumSet.of(Role.LEGAL), true);
    member(members, DPO, EnumSet.of(Role.DPO), true);
    member(members, COMMUNICATIONS, EnumSet.of(Role.COMMUNICATIONS), true);
    member(members, ADMIN, EnumSet.of(Role.ADMIN), true);
    member(members, FORMER, EnumSet.of(Role.RESPONDER, Role.SECOND_LINE), false);
    member(members, ERASURE, EnumSet.of(Role.ERASURE_WORKFLOW), true);
    server = FunctionServer.start(IncidentLifecycleUnderTest.class, "http");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    keys.close();
    queue.close();
  }

  private static void member(MemberStore members, String email, Set<Role> roles, boolean active) {
    members.put(new Member(email, roles, active), "test-setup", START);
  }

  /** A token for {@code email} issued now by the test clock, valid for an hour. */
  static String token(String email) {
    return ISSUER.sign(email, AUDIENCE, clock.instant(), clock.instant().plus(Duration.ofHours(1)));
  }

  /** Calls the API as {@code who} (null: no Authorization header), with If-Match when {@code etag} is given. */
  static HttpResponse<String> call(String method, String path, String who, String etag, String json) {
    List<String> headers = new ArrayList<>();
    if (who != null) {
      headers.addAll(List.of("Authorization", "Bearer " + token(who)));
    }
    if (etag != null) {
      headers.addAll(List.of("If-Match", etag));
    }
    if (json != null) {
      headers.addAll(List.of("Content-Type", "application/json"));
    }
    return TestHttp.send(method, server.uri(path), json, headers.toArray(String[]::new));
  }

  static JsonObject body(HttpResponse<String> response) {
    return TestHttp.json(response);
  }

  /** A write that must succeed; gives the incident's new ETag. */
  static String write(String method, String path, String who, String etag, String json, int status) {
    HttpResponse<String> response = call(method, path, who, etag, json);
    if (response.statusCode() != status) {
      throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.headers().firstValue("ETag").orElseThrow();
  }

  /** The error code of a refused request, checking its status. */
  static String refused(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new AssertionError("expected " + status + " but got " + response.statusCode() + ": " + response.body());
    }
    return body(response).getAsJsonObject("error").get("code").getAsString();
  }

  /** The codes of the unmet exit criteria in a 409. */
  static List<String> unmet(HttpResponse<String> response) {
    List<String> codes = new ArrayList<>();
    body(response).getAsJsonObject("error").getAsJsonArray("unmet")
        .forEach(u -> codes.add(u.getAsJsonObject().get("code").getAsString()));
    return codes;
  }

  /** The incident's current ETag, as a client would read it before writing. */
  static String etag(String incidentId) {
    return call("GET", "/incidents/" + incidentId, RESPONDER, null, null).headers().firstValue("ETag").orElseThrow();
  }

  /** Records a complete triage of a plain incident, so it may leave triage; gives the new ETag. */
  static String triaged(String id) {
    return write("PUT", "/incidents/" + id + "/triage", RESPONDER, etag(id), """
        {"classification":"INCIDENT","severity":"P3",
         "cia":{"confidentiality":"NONE","integrity":"NONE","availability":"LOW"},
         "affectedSystems":["search"],"dataDomains":["infrastructure"],"initialRisk":"LOW"}""", 200);
  }

  /** A new incident in triage, stored the way every function stores incidents. */
  static String newIncident() throws Exception {
    String id = new IncidentIds(clock, new SecureRandom()).next();
    Incident incident = Incident.open(id, "Test incident " + id, IncidentSource.STAFF, null, clock.instant());
    db.collection(CollectionNames.INCIDENTS).document(id).create(IncidentDocuments.fields(incident)).get();
    return id;
  }
}
