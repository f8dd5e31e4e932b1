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
import java.util.Map;
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
import org.meldekette.domain.Language;
import org.meldekette.domain.Member;
import org.meldekette.domain.ReceiptCode;
import org.meldekette.domain.Report;
import org.meldekette.domain.ReportKind;
import org.meldekette.domain.Role;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.deadline.Regimes;
import org.meldekette.store.MemberStore;
import org.meldekette.store.ReportStore;
import org.meldekette.testing.ApiContract;
import org.meldekette.testing.FirestoreExtension;
import org.meldekette.testing.FunctionServer;
import org.meldekette.testing.MutableClock;
import org.meldekette.testing.Seeds;
import org.meldekette.testing.TestHttp;

/**
 * Serves {@link IncidentLifecycleUnderTest} on the test class's own database, with a key server
 * that signs in the test's staff, and helpers to call the API as one of them.
 */
@ExtendWith(FirestoreExtension.class)
abstract class ServedLifecycle {
  static final String AUDIENCE = "https://incident-lifecycle.meldekette.test";

  /** The staff console's OAuth client ID: the audience of the ID tokens Google sign-in gives it. */
  static final String CONSOLE_CLIENT_ID = "1234567890-console.apps.googleusercontent.com";

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

  /** Every answer the tests receive is checked against the API description. */
  static final ApiContract CONTRACT = ApiContract.of("incident-lifecycle.openapi.yaml");

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
    server =
        FunctionServer.start(IncidentLifecycleUnderTest.class, "http").checkedAgainst(CONTRACT);
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

  /**
   * Calls the API as {@code who} (null: no Authorization header), with If-Match when {@code etag}
   * is given.
   */
  static HttpResponse<String> call(
      String method, String path, String who, String etag, String json) {
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

  /** A GET as {@code who} whose answer is bytes (a PDF, a ZIP). */
  static HttpResponse<byte[]> callBytes(String path, String who) throws Exception {
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(server.uri(path))
                .header("Authorization", "Bearer " + token(who))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  static JsonObject body(HttpResponse<String> response) {
    return TestHttp.json(response);
  }

  /** A write that must succeed; gives the incident's new ETag. */
  static String write(
      String method, String path, String who, String etag, String json, int status) {
    HttpResponse<String> response = call(method, path, who, etag, json);
    if (response.statusCode() != status) {
      throw new AssertionError(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.headers().firstValue("ETag").orElseThrow();
  }

  /** The error code of a refused request, checking its status. */
  static String refused(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new AssertionError(
          "expected " + status + " but got " + response.statusCode() + ": " + response.body());
    }
    return body(response).getAsJsonObject("error").get("code").getAsString();
  }

  /** The codes of the unmet exit criteria in a 409. */
  static List<String> unmet(HttpResponse<String> response) {
    List<String> codes = new ArrayList<>();
    body(response)
        .getAsJsonObject("error")
        .getAsJsonArray("unmet")
        .forEach(u -> codes.add(u.getAsJsonObject().get("code").getAsString()));
    return codes;
  }

  /** The incident's current ETag, as a client would read it before writing. */
  static String etag(String incidentId) {
    return call("GET", "/incidents/" + incidentId, RESPONDER, null, null)
        .headers()
        .firstValue("ETag")
        .orElseThrow();
  }

  /** A plain incident triaged and moved on to containment; gives the new ETag. */
  static String inContainment(String id) {
    return write(
        "POST",
        "/incidents/" + id + "/transitions",
        RESPONDER,
        triaged(id),
        "{\"to\":\"CONTAINMENT\"}",
        200);
  }

  /** Adds a containment measure as a responder; gives the new ETag. */
  static String containmentMeasure(String id, String etag, String description) {
    return write(
        "POST",
        "/incidents/" + id + "/measures",
        RESPONDER,
        etag,
        "{\"type\":\"CONTAINMENT\",\"description\":\"" + description + "\"}",
        201);
  }

  /** Records a complete triage of a plain incident, so it may leave triage; gives the new ETag. */
  static String triaged(String id) {
    return write(
        "PUT",
        "/incidents/" + id + "/triage",
        RESPONDER,
        etag(id),
        """
        {"classification":"INCIDENT","severity":"P3",
         "cia":{"confidentiality":"NONE","integrity":"NONE","availability":"LOW"},
         "affectedSystems":["search"],"dataDomains":["infrastructure"],"initialRisk":"LOW"}""",
        200);
  }

  static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  /**
   * A breach with complete triage, assessment and measures: everything a notification draft needs.
   */
  static String completeBreach() throws Exception {
    String id = newIncident();
    String base = "/incidents/" + id;
    String etag =
        write(
            "PUT",
            base + "/triage",
            RESPONDER,
            etag(id),
            """
        {"classification":"BREACH","severity":"P2",
         "cia":{"confidentiality":"HIGH","integrity":"NONE","availability":"NONE"},
         "scope":"Export bucket","affectedSystems":["export-bucket"],"dataDomains":["user profiles"],
         "dataCategories":["names","postal addresses"],"estimatedDataSubjects":1200,"estimatedRecords":1250,
         "initialRisk":"HIGH"}""",
            200);
    etag =
        write(
            "PUT",
            base + "/assessment",
            LEGAL,
            etag,
            """
        {"nature":"A storage bucket with a customer export was readable without sign-in for 9 days.",
         "dataSubjectCategories":"Customers of the online shop",
         "likelyConsequences":"Phishing letters addressed by name.",
         "adviceToDataSubjects":"Be wary of letters asking for payment details."}""",
            200);
    write(
        "POST",
        base + "/measures",
        RESPONDER,
        etag,
        "{\"type\":\"CONTAINMENT\",\"description\":\"Bucket made private\",\"status\":\"DONE\"}",
        201);
    return id;
  }

  /** A breach walked through all five phases to closed. */
  static String closedBreach() throws Exception {
    String id = completeBreach();
    String base = "/incidents/" + id;
    String measure =
        body(call("GET", base + "/measures", RESPONDER, null, null))
            .getAsJsonArray("measures")
            .get(0)
            .getAsJsonObject()
            .get("id")
            .getAsString();
    String etag =
        write("POST", base + "/transitions", RESPONDER, etag(id), "{\"to\":\"CONTAINMENT\"}", 200);
    etag =
        write(
            "PATCH",
            base + "/measures/" + measure,
            RESPONDER,
            etag,
            "{\"effectiveness\":{\"result\":\"EFFECTIVE\"}}",
            200);
    etag = write("POST", base + "/transitions", RESPONDER, etag, "{\"to\":\"FORENSICS\"}", 200);
    etag =
        write(
            "POST",
            base + "/evidence",
            RESPONDER,
            etag,
            "{\"source\":\"CLOUD_LOGGING\","
                + "\"location\":\"gs://forensics/access.json\",\"sha256\":\""
                + HASH
                + "\"}",
            201);
    etag =
        write("POST", base + "/transitions", RESPONDER, etag, "{\"to\":\"LEGAL_ASSESSMENT\"}", 200);
    // The DPO takes the escalation: closing would otherwise record it as missed, with a reason.
    etag = write("POST", base + "/acknowledgements", DPO, etag, null, 200);
    etag =
        write(
            "POST",
            base + "/decisions",
            LEGAL,
            etag,
            "{\"type\":\"NOTIFY_AUTHORITY\",\"reasoning\":\"Contact data of 1200 customers.\"}",
            201);
    etag =
        write(
            "POST",
            base + "/decisions",
            DPO,
            etag,
            "{\"type\":\"NOTIFY_DATA_SUBJECTS\",\"reasoning\":\"Phishing risk is high.\"}",
            201);
    etag = notified(id, etag, "SUPERVISORY_AUTHORITY", ",\"notification\":\"INITIAL\"");
    etag = notified(id, etag, "DATA_SUBJECTS", "");
    etag =
        write("POST", base + "/transitions", RESPONDER, etag, "{\"to\":\"RECOVERY_CLOSURE\"}", 200);
    etag =
        write(
            "POST",
            base + "/measures",
            RESPONDER,
            etag,
            "{\"type\":\"CORRECTIVE\",\"description\":"
                + "\"Rotate links\",\"owner\":\"platform\",\"dueAt\":\"2026-12-01T00:00:00Z\"}",
            201);
    etag =
        write(
            "POST",
            base + "/measures",
            RESPONDER,
            etag,
            "{\"type\":\"PREVENTIVE\",\"description\":"
                + "\"No public buckets\",\"owner\":\"security\",\"dueAt\":\"2027-01-01T00:00:00Z\"}",
            201);
    etag = restored(id, etag);
    write("POST", base + "/transitions", RESPONDER, etag, "{\"to\":\"CLOSED\"}", 200);
    return id;
  }

  /**
   * Legal approves {@code audience}, then the communication to it is recorded as sent now (a
   * decision to notify is met only by the notification itself); gives the new ETag.
   */
  static String notified(String id, String etag, String audience, String extra) {
    etag =
        write(
            "POST",
            "/incidents/" + id + "/approvals",
            LEGAL,
            etag,
            "{\"audience\":\"" + audience + "\"}",
            201);
    return write(
        "POST",
        "/incidents/" + id + "/communications",
        RESPONDER,
        etag,
        ("{\"audience\":\"%s\",\"channel\":\"portal\",\"summary\":\"What we told them.\","
                + "\"sentAt\":\"%s\"%s}")
            .formatted(audience, clock.instant(), extra),
        201);
  }

  /** Records that regular operation was restored now (required to close); gives the new ETag. */
  static String restored(String id, String etag) {
    return write(
        "POST",
        "/incidents/" + id + "/operation-restored",
        RESPONDER,
        etag,
        "{\"restoredAt\":\"" + clock.instant() + "\"}",
        200);
  }

  /**
   * An incident opened by a report through the form, as report-intake takes it in, with a receipt
   * code for the reporter's status page; the reporter left {@code name} and {@code email} (either
   * may be null). Gives the incident ID.
   */
  static String reported(String name, String email) {
    return reported(name, email, false);
  }

  /**
   * A report as {@link #reported(String, String)}, taken in {@code held} for screening (a surge).
   */
  static String reported(String name, String email, boolean held) {
    return (String)
        new ReportStore(db, new DeadlinePolicy(Regimes.shipped("GDPR", "INTERNAL")), c -> {})
            .submit(
                Report.submitted(
                    ReportKind.SUSPECTED_DATA_BREACH,
                    "Customer list on a public bucket",
                    "The export bucket is readable without sign-in.",
                    List.of("export-bucket"),
                    null,
                    name,
                    email,
                    Language.EN,
                    clock.instant()),
                held,
                ReceiptCode.random(new SecureRandom()),
                null,
                Duration.ofDays(1),
                new IncidentIds(clock, new SecureRandom()),
                clock.instant(),
                incidentId -> Map.of("incidentId", incidentId))
            .answer()
            .get("incidentId");
  }

  /** A new incident in triage, stored the way every function stores incidents. */
  static String newIncident() throws Exception {
    String id = new IncidentIds(clock, new SecureRandom()).next();
    Seeds.incident(
        db,
        Incident.open(id, "Test incident " + id, IncidentSource.STAFF, null, clock.instant()),
        new DeadlinePolicy(Regimes.shipped("GDPR", "INTERNAL")));
    return id;
  }
}
