package org.meldekette.domain.vault;

import org.meldekette.domain.VaultFile;

/** Whether a vault object still is what was recorded: read again and hashed. */
public record Verification(VaultFile file, Result result, String foundSha256) {
  public enum Result {
    MATCH,
    MISMATCH,
    MISSING
  }

  public static Verification of(VaultFile file, String foundSha256) {
    if (foundSha256 == null) {
      return new Verification(file, Result.MISSING, null);
    }
    return new Verification(
        file, foundSha256.equals(file.sha256()) ? Result.MATCH : Result.MISMATCH, foundSha256);
  }

  public boolean failed() {
    return result != Result.MATCH;
  }

  /** The note of the custody entry the verification appends. */
  public String note() {
    return switch (result) {
      case MATCH -> file.object() + ": SHA-256 matches";
      case MISMATCH ->
          file.object() + ": SHA-256 differs, recorded " + file.sha256() + ", found " + foundSha256;
      case MISSING -> file.object() + ": the object is missing from the vault";
    };
  }
}
