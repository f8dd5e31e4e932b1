package org.meldekette.domain.vault;

import java.util.regex.Pattern;
import org.meldekette.domain.EvidenceSource;
import org.meldekette.domain.InvalidInput;
import org.meldekette.domain.Measure;
import org.meldekette.domain.Text;

/**
 * A member's wish to upload a file as evidence: its name (shown, and offered when it is downloaded,
 * never used to store it), its type and exact size, and what it is.
 */
public record UploadRequest(
    String fileName, String contentType, long size, EvidenceSource source, String description) {
  public static final int MAX_FILE_NAME_LENGTH = 255;

  /** Control characters, path separators and characters no file system takes. */
  private static final Pattern UNSAFE = Pattern.compile("[\\p{Cntrl}/\\\\:*?\"<>|]");

  public UploadRequest {
    fileName = Text.required("fileName", fileName, MAX_FILE_NAME_LENGTH, false);
    if (UNSAFE.matcher(fileName).find()
        || fileName.equals(".")
        || fileName.contains("..")
        || fileName.startsWith(".")) {
      throw new InvalidInput(
          "fileName",
          "INVALID_VALUE",
          "fileName must be a plain file name: no path, no leading dot, no control characters");
    }
    if (contentType == null || contentType.isBlank()) {
      throw new InvalidInput("contentType", "REQUIRED", "contentType is required");
    }
    if (!VaultNames.isAllowedType(contentType)) {
      throw new InvalidInput(
          "contentType",
          "INVALID_VALUE",
          "contentType must be one of " + String.join(", ", VaultNames.allowedTypes()));
    }
    if (size < 1) {
      throw new InvalidInput(
          "size", "OUT_OF_RANGE", "size must be the file's size in bytes, at least 1");
    }
    source = source == null ? EvidenceSource.FILE : source;
    description = Text.optional("description", description, Measure.MAX_DESCRIPTION_LENGTH, true);
  }

  /** Refuses a file larger than the vault takes. */
  public UploadRequest within(long maxBytes) {
    if (size > maxBytes) {
      throw new InvalidInput(
          "size",
          "TOO_LARGE",
          "the vault takes files up to " + maxBytes + " bytes; this one has " + size);
    }
    return this;
  }
}
