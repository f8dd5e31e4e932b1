package org.meldekette.vault;

import com.google.cloud.firestore.Firestore;
import com.google.gson.JsonObject;
import com.google.logging.v2.LogEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.meldekette.dev.JwksEndpoint;
import org.meldekette.dev.LocalTaskQueue;
import org.meldekette.dev.TokenIssuer;
import org.meldekette.dev.logging.LocalLoggingServer;
import org.meldekette.dev.logging.SampleLogs;
import org.meldekette.dev.storage.Buckets;
import org.meldekette.dev.storage.LocalStorageServer;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentIds;
import org.meldekette.domain.IncidentSource;
import org.meldekette.domain.Member;
import org.meldekette.domain.Role;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.deadline.Regimes;
import org.meldekette.store.MemberStore;
import org.meldekette.testing.ApiContract;
import org.meldekette.testing.FirestoreExtension;
import org.meldekette.testing.FunctionServer;
import org.meldekette.testing.MutableClock;
import org.meldekette.testing.Seeds;
import org.meldekette.testing.TestHttp;

/**
 * The evidence vault served over HTTP on the test class's own emulator database, with the local
 * Cloud Storage (a held vault bucket and a staging bucket), the local Cloud Logging serving
 * generated entries, a task queue the test delivers by hand, and a key server signing in staff.
 */
@ExtendWith(FirestoreExtension.class)
abstract class ServedVault {
  static final String AUDIENCE = "https://evidence-vault.meldekette.test";
  static final String TASKS = "tasks@meldekette.test";
  static final String SCHEDULER = "scheduler@meldekette.test";
  static final String VAULT = "meldekette-test-evidence";
  static final String STAGING = "meldekette-test-staging";
  static final String PROJECT = "test";
  static final TokenIssuer ISSUER = new TokenIssuer("https://issuer.meldekette.test", "vault-key");
  static final Instant T0 = Instant.parse("2026-12-04T09:00:00Z");
  static final String RESPONDER = "responder@meldekette.test";
  static final String OUTSIDER = "outsider@meldekette.test";
  static final String LEGAL = "legal@meldekette.test";
  static final String DPO = "dpo@meldekette.test";
  static final ApiContract CONTRACT = ApiContract.of("evidence-vault.openapi.yaml");

  /** The VPC Flow Log entries the logging server holds, and how many others beside them. */
  static final int FLOWS = 50_000;

  static final int OTHERS = 12_000;
  static final long MAX_CAPTURE_ENTRIES = 60_000;

  static Firestore db;
  static MutableClock clock;
  static LocalStorageServer storage;
  static LocalLoggingServer logging;
  static LocalTaskQueue queue;
  static JwksEndpoint keys;
  static FunctionServer server;

  @BeforeAll
  static void start(Firestore database) throws Exception {
    db = database;
    clock = new MutableClock(T0);
    storage =
        LocalStorageServer.start(
            0,
            new Buckets(clock)
                .create(VAULT, new Buckets.Rules(true, Duration.ZERO))
                .create(STAGING, Buckets.Rules.NONE),
            clock);
    List<LogEntry> entries = new ArrayList<>();
    entries.addAll(
        SampleLogs.vpcFlows(
            PROJECT, FLOWS, T0.minus(Duration.ofHours(30)), T0.minus(Duration.ofHours(1)), 7));
    entries.addAll(
        SampleLogs.generate(
                PROJECT,
                OTHERS * 3 / 2,
                T0.minus(Duration.ofHours(30)),
                T0.minus(Duration.ofHours(1)),
                8)
            .stream()
            .filter(e -> !e.getLogName().endsWith(SampleLogs.VPC_FLOWS))
            .toList());
    logging = LocalLoggingServer.start(0, entries);
    queue = new LocalTaskQueue(0, TASKS, clock);
    keys = JwksEndpoint.serve(ISSUER, 0);
    Path signerKey = Files.createTempFile("vault-signer", ".pem");
    Files.writeString(signerKey, storage.signerKeyPem());
    signerKey.toFile().deleteOnExit();
    MemberStore members = new MemberStore(database);
    members.put(new Member(RESPONDER, EnumSet.of(Role.RESPONDER), true), "test", T0);
    members.put(new Member(OUTSIDER, EnumSet.of(Role.RESPONDER), true), "test", T0);
    members.put(new Member(LEGAL, EnumSet.of(Role.LEGAL), true), "test", T0);
    members.put(new Member(DPO, EnumSet.of(Role.DPO), true), "test", T0);
    int port = FunctionServer.freePort();
    VaultUnderTest.db = database;
    VaultUnderTest.clock = clock;
    VaultUnderTest.env =
        Map.ofEntries(
            Map.entry("GOOGLE_CLOUD_PROJECT", PROJECT),
            Map.entry("AUTH_AUDIENCE", AUDIENCE),
            Map.entry("AUTH_ISSUER", ISSUER.issuer()),
            Map.entry("AUTH_CERTS_URL", keys.certsUrl()),
            Map.entry("OIDC_ISSUER", queue.issuer()),
            Map.entry("OIDC_CERTS_URL", queue.url() + "/certs"),
            Map.entry("OIDC_AUDIENCE", AUDIENCE),
            Map.entry("TASKS_SERVICE_ACCOUNT", TASKS),
            Map.entry("SCHEDULER_SERVICE_ACCOUNT", SCHEDULER),
            Map.entry("TASK_QUEUE", "local"),
            Map.entry("LOCAL_TASK_QUEUE_URL", queue.url()),
            Map.entry("VAULT_TASKS_TARGET_URL", "http://127.0.0.1:" + port),
            Map.entry("VAULT_TASKS_AUDIENCE", AUDIENCE),
            Map.entry("VAULT_BUCKET", VAULT),
            Map.entry("VAULT_STAGING_BUCKET", STAGING),
            Map.entry("STORAGE_HOST", storage.origin()),
            Map.entry("STORAGE_SIGNER_KEY_FILE", signerKey.toString()),
            Map.entry("LOGGING_ENDPOINT", logging.endpoint()),
            Map.entry("VAULT_UPLOAD_MAX_BYTES", String.valueOf(8 * 1024 * 1024)),
            Map.entry("CAPTURE_MAX_ENTRIES", String.valueOf(MAX_CAPTURE_ENTRIES)),
            Map.entry("CAPTURE_PAGES_PER_STEP", "10"),
            Map.entry("CONTROLLER_NAME", "Beispiel GmbH"),
            Map.entry("AUDIT_SINK", "stdout"));
    server = FunctionServer.start(VaultUnderTest.class, "http", port).checkedAgainst(CONTRACT);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    keys.close();
    queue.close();
    logging.close();
    storage.close();
  }

  /** A new incident whose team is {@code team}. */
  static String incident(String... team) {
    String id = new IncidentIds(clock, new SecureRandom()).next();
    Seeds.incident(
        db,
        Incident.open(
                id,
                "Vault test " + id,
                IncidentSource.STAFF,
                null,
                clock.instant().minus(Duration.ofHours(2)))
            .withTeam(List.of(team), clock.instant().minus(Duration.ofHours(1))),
        new DeadlinePolicy(Regimes.shipped("GDPR", "INTERNAL")));
    return id;
  }

  /** A member's ID token, valid for an hour. */
  static String token(String who) {
    return ISSUER.sign(who, AUDIENCE, clock.instant(), clock.instant().plus(Duration.ofHours(1)));
  }

  static HttpResponse<String> call(
      String method, String path, String who, String json, String... more) {
    List<String> headers = new ArrayList<>();
    if (who != null) {
      headers.addAll(List.of("Authorization", "Bearer " + token(who)));
    }
    if (json != null) {
      headers.addAll(List.of("Content-Type", "application/json"));
    }
    headers.addAll(List.of(more));
    return TestHttp.send(method, server.uri(path), json, headers.toArray(String[]::new));
  }

  /** A call Cloud Scheduler makes. */
  static HttpResponse<String> scheduled(String path) {
    return TestHttp.send(
        "POST",
        server.uri(path),
        "",
        "Authorization",
        "Bearer " + queue.token(SCHEDULER, AUDIENCE));
  }

  /** Delivers due tasks until none is left, advancing the clock past any backoff. */
  static void drainTasks() {
    for (int round = 0; round < 500 && !queue.pending().isEmpty(); round++) {
      if (queue.deliverDue() == 0) {
        clock.advance(Duration.ofMinutes(2));
      }
    }
  }

  static JsonObject json(HttpResponse<String> response) {
    return TestHttp.json(response);
  }

  static String errorCode(HttpResponse<String> response) {
    return json(response).getAsJsonObject("error").get("code").getAsString();
  }

  /** The bytes of an object as Cloud Storage holds them. */
  static byte[] object(String bucket, String name) {
    return storage.buckets().require(bucket, name).data();
  }

  static List<String> gunzipLines(byte[] gz) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
  }

  static URI uri(String url) {
    return URI.create(url);
  }

  static Set<String> documentsUnder(String incidentId) throws Exception {
    return Set.copyOf(
        org.meldekette.testing.DatabaseContents.documentPaths(db).stream()
            .filter(p -> p.contains(incidentId))
            .toList());
  }
}
