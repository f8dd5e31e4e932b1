package org.meldekette.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.meldekette.dev.storage.Buckets;
import org.meldekette.dev.storage.LocalStorageServer;
import org.meldekette.testing.MutableClock;
import org.meldekette.testing.TestHttp;

/**
 * The storage adapter with the real {@code google-cloud-storage} client against the local Cloud
 * Storage, and signed URLs used as a browser uses them: what the vault relies on Cloud Storage for
 * (signature, expiry, size, a held object's protection) is enforced.
 */
class VaultStorageTest {
  static final String VAULT = "vault-test";
  static final String STAGING = "staging-test";
  static MutableClock clock = new MutableClock(Instant.parse("2026-12-04T09:00:00Z"));
  static LocalStorageServer server;
  static Storage storage;
  static VaultStorage vault;

  @BeforeAll
  static void start() throws Exception {
    Buckets buckets =
        new Buckets(clock)
            .create(VAULT, new Buckets.Rules(true, Duration.ofDays(1)))
            .create(STAGING, Buckets.Rules.NONE);
    server = LocalStorageServer.start(0, buckets, clock);
    storage = VaultClients.storage(settings(server.origin()), clock);
    ServiceAccountCredentials signer =
        ServiceAccountCredentials.newBuilder()
            .setClientEmail("vault@meldekette.test")
            .setPrivateKey(VaultClients.privateKey(server.signerKeyPem()))
            .build();
    vault = new VaultStorage(storage, VAULT, STAGING, signer, server.origin(), clock);
  }

  /** The settings of a vault on the local Cloud Storage at {@code origin}. */
  static VaultSettings settings(String origin) {
    return VaultSettings.from(
        new org.meldekette.config.Env(
            Map.of(
                "GOOGLE_CLOUD_PROJECT", "test",
                "VAULT_BUCKET", VAULT,
                "VAULT_STAGING_BUCKET", STAGING,
                "STORAGE_HOST", origin)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aSignedUploadStoresExactlyTheDeclaredFileOnceAndItsHashIsComputedFromTheStoredBytes() {
    byte[] file =
        "2026-12-03T22:14:07Z sshd: Accepted key for root\n"
            .repeat(50)
            .getBytes(StandardCharsets.UTF_8);
    String staged = "uploads/" + UUID.randomUUID();
    VaultStorage.Signed signed =
        vault.signUpload(staged, "text/plain", file.length, Duration.ofMinutes(15));

    String session = startUpload(signed);
    assertThat(put(session, file).statusCode()).isEqualTo(200);

    VaultStorage.Stored stored = vault.readStaged(staged).orElseThrow();
    assertThat(stored.sha256()).isEqualTo(sha256(file));
    assertThat(stored.size()).isEqualTo(file.length);
    assertThat(stored.contentType()).isEqualTo("text/plain");

    // The same URL cannot write the object a second time (it must not exist).
    String again = startUpload(signed);
    assertThat(put(again, "other".repeat(1).getBytes(StandardCharsets.UTF_8)).statusCode())
        .isGreaterThanOrEqualTo(400);
    assertThat(vault.readStaged(staged).orElseThrow().sha256()).isEqualTo(sha256(file));
  }

  @Test
  void anUploadLargerThanDeclaredAnExpiredUrlATamperedOneOrAnotherTypeIsRefused() {
    String staged = "uploads/" + UUID.randomUUID();
    VaultStorage.Signed signed = vault.signUpload(staged, "text/plain", 10, Duration.ofMinutes(15));

    String session = startUpload(signed);
    assertThat(put(session, new byte[11]).statusCode()).isEqualTo(400);
    assertThat(vault.readStaged(staged)).isEmpty();

    HttpResponse<String> otherType =
        post(
            signed.url(),
            Map.of(
                "content-type", "text/html",
                "x-goog-content-length-range", "10,10",
                "x-goog-if-generation-match", "0",
                "x-goog-resumable", "start"));
    assertThat(otherType.statusCode()).isEqualTo(403);
    assertThat(otherType.body()).contains("SignatureDoesNotMatch");

    HttpResponse<String> widened =
        post(
            signed.url(),
            Map.of(
                "content-type", "text/plain",
                "x-goog-content-length-range", "0,999999",
                "x-goog-if-generation-match", "0",
                "x-goog-resumable", "start"));
    assertThat(widened.statusCode()).isEqualTo(403);

    HttpResponse<String> renamed =
        post(signed.url().replace(staged, staged + "x"), signed.headers());
    assertThat(renamed.statusCode()).isEqualTo(403);

    clock.advance(Duration.ofMinutes(16));
    try {
      HttpResponse<String> late = post(signed.url(), signed.headers());
      assertThat(late.statusCode()).isEqualTo(400);
      assertThat(late.body()).contains("ExpiredToken");
    } finally {
      clock.advance(Duration.ofMinutes(-16));
    }
    assertThat(vault.readStaged(staged)).isEmpty();
  }

  @Test
  void aVaultObjectCannotBeDeletedWhileHeldAndOnlyOnceReleasedAndRetentionHasPassed() {
    String staged = "uploads/" + UUID.randomUUID();
    vault.writeStaged(staged, "text/plain", "evidence".getBytes(StandardCharsets.UTF_8));
    String name = "incidents/INC-20261204-ABCDEF/EVD-" + UUID.randomUUID() + "/file.txt";
    String crc =
        vault.copyIntoVault(
            staged, name, Map.of("sha256", sha256("evidence".getBytes(StandardCharsets.UTF_8))));
    assertThat(crc).isEqualTo(storage.get(BlobId.of(STAGING, staged)).getCrc32c());
    // Copying again (a repeated completion) keeps the first copy.
    assertThat(vault.copyIntoVault(staged, name, Map.of())).isEqualTo(crc);

    VaultStorage.Stored held = vault.readVault(name).orElseThrow();
    assertThat(held.eventBasedHold()).as("the bucket's default event-based hold").isTrue();
    assertThatThrownBy(() -> storage.delete(BlobId.of(VAULT, name)))
        .isInstanceOf(StorageException.class)
        .satisfies(e -> assertThat(((StorageException) e).getCode()).isEqualTo(403));

    vault.setHolds(name, true, true);
    vault.setHolds(name, false, true);
    assertThatThrownBy(() -> storage.delete(BlobId.of(VAULT, name)))
        .as("the temporary (legal) hold still stands")
        .isInstanceOf(StorageException.class);

    vault.setHolds(name, false, false);
    assertThat(vault.listVault("incidents/INC-20261204-ABCDEF/"))
        .anySatisfy(
            o -> {
              assertThat(o.name()).isEqualTo(name);
              assertThat(o.eventBasedHold()).isFalse();
              assertThat(o.temporaryHold()).isFalse();
            });
    assertThatThrownBy(() -> storage.delete(BlobId.of(VAULT, name)))
        .as("the retention period runs from the release")
        .isInstanceOf(StorageException.class);
    clock.advance(Duration.ofDays(1).plusMinutes(1));
    try {
      assertThat(storage.delete(BlobId.of(VAULT, name))).isTrue();
    } finally {
      clock.advance(Duration.ofDays(-1).minusMinutes(1));
    }
  }

  @Test
  void aWrittenVaultObjectIsHashedOnTheWayAndWritingItAgainLeavesTheFirst() {
    String name =
        "incidents/INC-20261204-ABCDEF/EVD-" + UUID.randomUUID() + "/log-entries.ndjson.gz";
    byte[] big = new byte[9 * 1024 * 1024 + 17];
    new java.util.Random(7).nextBytes(big);
    VaultStorage.Stored written =
        vault.writeVault(name, "application/gzip", Map.of(), out -> out.write(big));
    assertThat(written.sha256()).isEqualTo(sha256(big));
    assertThat(written.size()).isEqualTo(big.length);
    VaultStorage.Stored again =
        vault.writeVault(name, "application/gzip", Map.of(), out -> out.write(new byte[] {1}));
    assertThat(again.sha256()).isEqualTo(sha256(big));
    assertThat(vault.readVault(name).orElseThrow().sha256()).isEqualTo(sha256(big));
  }

  @Test
  void aSignedDownloadServesTheObjectAsAnAttachmentUntilItExpires() {
    String staged = "uploads/" + UUID.randomUUID();
    vault.writeStaged(staged, "text/plain", "proof".getBytes(StandardCharsets.UTF_8));
    String name = "incidents/INC-20261204-ABCDEF/EVD-" + UUID.randomUUID() + "/file.txt";
    vault.copyIntoVault(staged, name, Map.of());
    VaultStorage.Signed link =
        vault.signDownload(name, "../../etc/passwd \"x\".txt", Duration.ofMinutes(5));
    HttpResponse<String> got = TestHttp.send("GET", URI.create(link.url()), (byte[]) null);
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.body()).isEqualTo("proof");
    assertThat(got.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment;")
        .doesNotContain("/")
        .doesNotContain("\"x\"");
    clock.advance(Duration.ofMinutes(6));
    try {
      assertThat(TestHttp.send("GET", URI.create(link.url()), (byte[]) null).statusCode())
          .isEqualTo(400);
    } finally {
      clock.advance(Duration.ofMinutes(-6));
    }
  }

  private static String startUpload(VaultStorage.Signed signed) {
    HttpResponse<String> started = post(signed.url(), signed.headers());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    return started.headers().firstValue("Location").orElseThrow();
  }

  private static HttpResponse<String> post(String url, Map<String, String> headers) {
    return TestHttp.send("POST", URI.create(url), new byte[0], flat(headers));
  }

  private static HttpResponse<String> put(String session, byte[] body) {
    return TestHttp.send("PUT", URI.create(session), body);
  }

  private static String[] flat(Map<String, String> headers) {
    return headers.entrySet().stream()
        .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
        .toArray(String[]::new);
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(VaultStorage.sha256().digest(bytes));
  }
}
