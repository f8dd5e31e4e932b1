package org.meldekette.domain.vault;

import java.time.Instant;
import java.util.Objects;

/**
 * A file on its way into the vault: the browser uploads it to the staging bucket through a signed
 * URL; on completion Meldekette hashes what arrived, compares with the browser's SHA-256 and only
 * then moves it into the vault and records it as {@code evidenceId}.
 */
public record Upload(
    String id,
    String incidentId,
    String evidenceId,
    UploadRequest request,
    String stagedObject,
    String vaultObject,
    String requestedBy,
    Instant requestedAt,
    Instant expiresAt,
    State state,
    String refusal) {

  public enum State {
    /** The URL was handed out; the bytes may or may not have arrived. */
    PENDING,
    /** Checked and recorded as evidence. */
    RECORDED,
    /** What arrived did not match (the refusal says how); nothing was recorded. */
    REFUSED
  }

  public Upload {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(evidenceId, "evidenceId");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(state, "state");
  }

  public static Upload start(
      String id,
      String incidentId,
      String evidenceId,
      UploadRequest request,
      String requestedBy,
      Instant now,
      Instant expiresAt) {
    return new Upload(
        id,
        incidentId,
        evidenceId,
        request,
        VaultNames.stagedUpload(incidentId, id),
        VaultNames.upload(incidentId, evidenceId, request.contentType()),
        requestedBy,
        now,
        expiresAt,
        State.PENDING,
        null);
  }

  public Upload recorded() {
    return with(State.RECORDED, null);
  }

  public Upload refused(String why) {
    return with(State.REFUSED, why);
  }

  private Upload with(State next, String why) {
    return new Upload(
        id,
        incidentId,
        evidenceId,
        request,
        stagedObject,
        vaultObject,
        requestedBy,
        requestedAt,
        expiresAt,
        next,
        why);
  }
}
