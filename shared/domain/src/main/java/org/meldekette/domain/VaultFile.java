package org.meldekette.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One object Meldekette secured in the evidence vault: its name there, its SHA-256 as computed by
 * Meldekette from the stored bytes, its size and type, what it is within the evidence, and the name
 * it is offered under when downloaded (an upload's own file name).
 */
public record VaultFile(
    String object, Role role, String fileName, String sha256, long size, String contentType) {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  /** What the file is within its evidence. */
  public enum Role {
    /** A file a member uploaded. */
    FILE,
    /** Log entries captured from Cloud Logging, one JSON object per line, gzip-compressed. */
    LOG_ENTRIES,
    /** What a capture took, how and by whom, with the SHA-256 of every file it wrote. */
    MANIFEST
  }

  public VaultFile {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(role, "role");
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hexadecimal characters");
    }
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative");
    }
    Objects.requireNonNull(contentType, "contentType");
    fileName = fileName == null ? object.substring(object.lastIndexOf('/') + 1) : fileName;
  }
}
