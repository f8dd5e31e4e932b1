package org.meldekette.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A triage that changes legal facts of a breach (its classification, awareness, high risk), filed
 * with a justification and applied only when LEGAL or the DPO — someone other than the requester —
 * approves it.
 *
 * @param facts the legal facts the triage changes
 * @param baseTriage the triage the request was made against: a request the triage has moved on from
 *     since is stale
 */
public record TriageChangeRequest(
    String id,
    Triage.Input input,
    List<Triage.LegalFact> facts,
    String justification,
    Map<String, Object> baseTriage,
    String requestedBy,
    Instant requestedAt,
    SkipRequest.Status status,
    String approvedBy,
    Instant approvedAt) {

  public TriageChangeRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(input, "input");
    facts = List.copyOf(facts);
    justification =
        Text.required("justification", justification, SkipRequest.MAX_JUSTIFICATION_LENGTH, true);
    baseTriage = baseTriage == null ? Map.of() : Map.copyOf(baseTriage);
    Objects.requireNonNull(requestedBy, "requestedBy");
    Objects.requireNonNull(requestedAt, "requestedAt");
    Objects.requireNonNull(status, "status");
  }

  public TriageChangeRequest approved(String by, Instant at) {
    return new TriageChangeRequest(
        id,
        input,
        facts,
        justification,
        baseTriage,
        requestedBy,
        requestedAt,
        SkipRequest.Status.APPROVED,
        by,
        at);
  }
}
