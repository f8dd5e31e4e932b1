package org.meldekette.vault;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.meldekette.domain.Actor;
import org.meldekette.domain.Conflict;
import org.meldekette.domain.CustodyEntry;
import org.meldekette.domain.Evidence;
import org.meldekette.domain.Forbidden;
import org.meldekette.domain.Incident;
import org.meldekette.domain.InvalidInput;
import org.meldekette.domain.NotFound;
import org.meldekette.domain.Role;
import org.meldekette.domain.VaultFile;
import org.meldekette.domain.lifecycle.RecordRules;
import org.meldekette.domain.vault.Verification;
import org.meldekette.http.StaffCall;
import org.meldekette.store.IncidentQueries;
import org.meldekette.store.IncidentStore;

/**
 * What can be done with evidence in the vault: download it through a short-lived signed URL (the
 * incident's team only; each download a custody entry), and verify it, reading every file again and
 * comparing its SHA-256 with the recorded one (each verification a custody entry).
 */
final class VaultEvidence {
  static final Duration DOWNLOAD_LINK = Duration.ofMinutes(5);

  private final IncidentStore incidents;
  private final IncidentQueries queries;
  private final Supplier<VaultStorage> storage;

  VaultEvidence(IncidentStore incidents, IncidentQueries queries, Supplier<VaultStorage> storage) {
    this.incidents = incidents;
    this.queries = queries;
    this.storage = storage;
  }

  /** {@code POST /incidents/{id}/evidence/{evidenceId}/downloads} {@code {"object"?}}. */
  void download(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(StaffCall.STAFF);
    String id = call.incidentId(params);
    String evidenceId = call.recordId(params, "evidenceId");
    String wanted = call.body(Set.of("object")).string("object");
    Incident incident = queries.get(id);
    if (!incident.team().contains(call.member().email())) {
      throw new Forbidden(
          "downloads of evidence are for the incident's team; ask to be added to it");
    }
    Evidence evidence = secured(id, evidenceId);
    VaultFile file =
        evidence.files().stream()
            .filter(f -> wanted == null || f.object().equals(wanted))
            .findFirst()
            .orElseThrow(
                () ->
                    new InvalidInput("object", "NOT_FOUND", "the evidence has no file " + wanted));
    VaultStorage.Signed link =
        storage.get().signDownload(file.object(), file.fileName(), DOWNLOAD_LINK);
    Incident after =
        appendCustody(
            id,
            evidence,
            CustodyEntry.Action.ACCESSED,
            call.member().email(),
            call.actor(role),
            "downloaded " + file.object() + " through a link valid until " + link.expiresAt(),
            call.now());
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("object", file.object());
    view.put("fileName", file.fileName());
    view.put("url", link.url());
    view.put("expiresAt", link.expiresAt());
    call.created(after.version(), link.url(), view);
  }

  /** {@code POST /incidents/{id}/evidence/{evidenceId}/verifications}. */
  void verify(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(StaffCall.STAFF);
    String id = call.incidentId(params);
    String evidenceId = call.recordId(params, "evidenceId");
    call.requireNeedToKnow(queries.get(id), "an incident's evidence");
    Evidence evidence = secured(id, evidenceId);
    List<Verification> results = verify(evidence);
    Incident after =
        appendCustody(
            id,
            evidence,
            CustodyEntry.Action.VERIFIED,
            call.member().email(),
            call.actor(role),
            note(results),
            call.now());
    call.ok(after.version(), view(evidence, results));
  }

  /** Reads every file of the evidence again and compares its SHA-256 with the recorded one. */
  List<Verification> verify(Evidence evidence) {
    VaultStorage vault = storage.get();
    return evidence.files().stream()
        .map(
            f ->
                Verification.of(
                    f, vault.readVault(f.object()).map(VaultStorage.Stored::sha256).orElse(null)))
        .toList();
  }

  Incident appendCustody(
      String incidentId,
      Evidence evidence,
      CustodyEntry.Action action,
      String by,
      Actor actor,
      String note,
      Instant now) {
    return incidents.updateCurrent(
        incidentId,
        (tx, incident) -> {
          CustodyEntry entry =
              new CustodyEntry(tx.custody(evidence.id()).size() + 1, action, by, now, note);
          tx.appendCustody(evidence.id(), entry);
          return tx.apply(RecordRules.custodyAppended(incident, evidence, entry, actor, now))
              .incident();
        });
  }

  static String note(List<Verification> results) {
    return String.join("; ", results.stream().map(Verification::note).toList());
  }

  static Map<String, Object> view(Evidence evidence, List<Verification> results) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("evidenceId", evidence.id());
    view.put(
        "result",
        results.stream().anyMatch(Verification::failed)
            ? results.stream().filter(Verification::failed).findFirst().orElseThrow().result()
            : Verification.Result.MATCH);
    view.put(
        "files",
        results.stream()
            .map(
                r -> {
                  Map<String, Object> file = new LinkedHashMap<>();
                  file.put("object", r.file().object());
                  file.put("result", r.result());
                  file.put("recordedSha256", r.file().sha256());
                  file.put("foundSha256", r.foundSha256());
                  return file;
                })
            .toList());
    return view;
  }

  private Evidence secured(String incidentId, String evidenceId) {
    Evidence evidence =
        queries.evidence(incidentId).stream()
            .filter(e -> e.id().equals(evidenceId))
            .findFirst()
            .orElseThrow(() -> new NotFound("no evidence " + evidenceId + " in " + incidentId));
    if (!evidence.securedByMeldekette()) {
      throw new Conflict(
          "NOT_IN_VAULT",
          "this evidence was recorded by reference and is not secured by Meldekette; it is kept"
              + " at "
              + evidence.location());
    }
    return evidence;
  }
}
