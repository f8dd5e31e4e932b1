package org.meldekette.vault;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.meldekette.config.Env;

/**
 * The vault's configuration (docs/configuration.md): its buckets, where Cloud Storage and Cloud
 * Logging are reached (deployed: Google's endpoints; locally: the stack's stand-ins), and the
 * limits that keep an upload or a capture bounded.
 *
 * @param storageHost {@code STORAGE_HOST}: Cloud Storage's JSON API; null for Google's
 * @param signedUrlHost where signed URLs point: {@code STORAGE_HOST} or Google's
 * @param signerKeyFile {@code STORAGE_SIGNER_KEY_FILE}: a PKCS#8 PEM key that signs URLs (local
 *     stack); null to sign as the function's own service account through IAM (deployed)
 * @param loggingEndpoint {@code LOGGING_ENDPOINT}: host:port of a plaintext Cloud Logging API
 *     (local stack); null for Google's
 */
record VaultSettings(
    String project,
    String vaultBucket,
    String stagingBucket,
    String storageHost,
    String signedUrlHost,
    String signerKeyFile,
    String signerEmail,
    String loggingEndpoint,
    long maxUploadBytes,
    Duration urlLifetime,
    long maxCaptureEntries,
    Duration maxCaptureWindow,
    int pagesPerStep,
    List<String> functions) {

  static VaultSettings from(Env env) {
    String storageHost = env.get("STORAGE_HOST", null);
    return new VaultSettings(
        env.require("GOOGLE_CLOUD_PROJECT"),
        env.require("VAULT_BUCKET"),
        env.require("VAULT_STAGING_BUCKET"),
        storageHost,
        storageHost == null ? "https://storage.googleapis.com" : storageHost,
        env.get("STORAGE_SIGNER_KEY_FILE", null),
        env.get("STORAGE_SIGNER_EMAIL", "evidence-vault@meldekette.local"),
        env.get("LOGGING_ENDPOINT", null),
        Long.parseLong(env.get("VAULT_UPLOAD_MAX_BYTES", String.valueOf(512L * 1024 * 1024))),
        duration(env, "VAULT_URL_LIFETIME", "PT15M"),
        Long.parseLong(env.get("CAPTURE_MAX_ENTRIES", "2000000")),
        duration(env, "CAPTURE_MAX_WINDOW", "P31D"),
        env.integer("CAPTURE_PAGES_PER_STEP", 20),
        env.list(
            "MELDEKETTE_FUNCTIONS",
            "report-intake,alert-triage,incident-lifecycle,deadline-reminder,mailbox,evidence-vault"));
  }

  private static Duration duration(Env env, String name, String defaultValue) {
    String value = env.get(name, defaultValue);
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalStateException(
          name + " must be an ISO-8601 duration such as PT15M, not " + value);
    }
  }
}
