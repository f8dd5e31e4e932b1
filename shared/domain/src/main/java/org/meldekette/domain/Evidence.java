package org.meldekette.domain;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A piece of secured evidence: where it is and its SHA-256, so anyone can check later that it is
 * unchanged. Written once; nothing changes or deletes it. Its chain of custody grows beside it.
 *
 * @param location a {@code gs://bucket/object} URI or a query (a Cloud Logging filter, say)
 * @param files the objects Meldekette secured in its vault and hashed itself; empty for evidence
 *     recorded by reference (kept elsewhere, its SHA-256 computed by whoever recorded it)
 */
public record Evidence(
    String id,
    EvidenceSource source,
    String location,
    String sha256,
    String description,
    String collectedBy,
    Instant collectedAt,
    Instant recordedAt,
    List<VaultFile> files) {

  public static final int MAX_LOCATION_LENGTH = 4_000;
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern GCS_URI =
      Pattern.compile("gs://[a-z0-9][a-z0-9._-]{1,220}[a-z0-9](/\\S*)?");

  public Evidence {
    Objects.requireNonNull(id, "id");
    if (source == null) {
      throw new InvalidInput("source", "REQUIRED", "source is required");
    }
    location = Text.required("location", location, MAX_LOCATION_LENGTH, true);
    if (location.startsWith("gs://") && !GCS_URI.matcher(location).matches()) {
      throw new InvalidInput("location", "INVALID_VALUE", "location is not a valid gs:// URI");
    }
    sha256 = sha256 == null ? null : sha256.strip().toLowerCase(Locale.ROOT);
    if (sha256 == null || sha256.isEmpty()) {
      throw new InvalidInput("sha256", "REQUIRED", "sha256 of the secured evidence is required");
    }
    if (!SHA256.matcher(sha256).matches()) {
      throw new InvalidInput("sha256", "INVALID_VALUE", "sha256 must be 64 hexadecimal characters");
    }
    description = Text.optional("description", description, Measure.MAX_DESCRIPTION_LENGTH, true);
    Objects.requireNonNull(collectedBy, "collectedBy");
    Objects.requireNonNull(recordedAt, "recordedAt");
    collectedAt = collectedAt == null ? recordedAt : collectedAt;
    if (collectedAt.isAfter(recordedAt)) {
      throw new InvalidInput("collectedAt", "IN_FUTURE", "collectedAt lies in the future");
    }
    files = files == null ? List.of() : List.copyOf(files);
  }

  /** Whether Meldekette holds the evidence in its vault, rather than a reference to it. */
  public boolean securedByMeldekette() {
    return !files.isEmpty();
  }
}
