package org.meldekette.vault;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.meldekette.domain.CustodyEntry;
import org.meldekette.domain.Evidence;
import org.meldekette.domain.EvidenceSource;
import org.meldekette.domain.Incident;
import org.meldekette.domain.InvalidInput;
import org.meldekette.domain.NotFound;
import org.meldekette.domain.RecordIds;
import org.meldekette.domain.Role;
import org.meldekette.domain.VaultFile;
import org.meldekette.domain.lifecycle.RecordRules;
import org.meldekette.domain.vault.Upload;
import org.meldekette.domain.vault.UploadRequest;
import org.meldekette.http.ApiException;
import org.meldekette.http.JsonFields;
import org.meldekette.http.StaffCall;
import org.meldekette.json.EvidenceView;
import org.meldekette.store.IncidentQueries;
import org.meldekette.store.IncidentStore;
import org.meldekette.store.VaultStore;

/**
 * Files members upload as evidence. {@code POST /incidents/{id}/uploads} hands out a signed URL
 * that lets the browser upload exactly the declared file, once, to the staging bucket; {@code POST
 * /incidents/{id}/uploads/{uploadId}/complete} with the browser's SHA-256 hashes what arrived, and
 * only when both agree moves it into the vault and records it, collected by the member.
 */
final class Uploads {
  private static final Set<String> START =
      Set.of("fileName", "contentType", "size", "source", "description");
  private static final Set<String> COMPLETE = Set.of("sha256");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final VaultStore store;
  private final IncidentStore incidents;
  private final IncidentQueries queries;
  private final Supplier<VaultStorage> storage;
  private final VaultSettings settings;
  private final RecordIds ids;
  private final VaultHoldKeeper holds;

  Uploads(
      VaultStore store,
      IncidentStore incidents,
      IncidentQueries queries,
      Supplier<VaultStorage> storage,
      VaultSettings settings,
      RecordIds ids,
      VaultHoldKeeper holds) {
    this.store = store;
    this.incidents = incidents;
    this.queries = queries;
    this.storage = storage;
    this.settings = settings;
    this.ids = ids;
    this.holds = holds;
  }

  void start(StaffCall call, Map<String, String> params) throws IOException {
    call.require(Role.RESPONDER);
    String id = call.incidentId(params);
    JsonFields body = call.body(START);
    UploadRequest request =
        new UploadRequest(
                body.string("fileName"),
                body.string("contentType"),
                size(body),
                body.enumValue("source", EvidenceSource.class),
                body.string("description"))
            .within(settings.maxUploadBytes());
    Incident incident = queries.get(id);
    call.requireNeedToKnow(incident, "an incident's evidence");
    Upload upload =
        Upload.start(
            ids.next("UPL"),
            id,
            ids.next("EVD"),
            request,
            call.member().email(),
            call.now(),
            call.now().plus(settings.urlLifetime()));
    VaultStorage.Signed signed =
        storage
            .get()
            .signUpload(
                upload.stagedObject(),
                request.contentType(),
                request.size(),
                settings.urlLifetime());
    store.createUpload(upload);
    Map<String, Object> view = view(upload);
    view.put(
        "upload",
        Map.of(
            "method", "POST", "url", signed.url(), "headers", signed.headers(), "resumable", true));
    call.reply().header("Location", "/incidents/" + id + "/uploads/" + upload.id());
    call.reply().json(201, view);
  }

  void complete(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.RESPONDER);
    String id = call.incidentId(params);
    String uploadId = call.recordId(params, "uploadId");
    String claimed = body(call);
    Upload upload =
        store
            .upload(id, uploadId)
            .orElseThrow(() -> new NotFound("no upload " + uploadId + " in " + id));
    call.requireNeedToKnow(queries.get(id), "an incident's evidence");
    if (upload.state() == Upload.State.REFUSED) {
      throw refused(upload.refusal());
    }
    if (upload.state() == Upload.State.RECORDED) {
      Evidence recorded =
          queries.evidence(id).stream()
              .filter(e -> e.id().equals(upload.evidenceId()))
              .findFirst()
              .orElseThrow();
      call.reply().json(200, EvidenceView.of(recorded, queries.custody(id, recorded.id())));
      return;
    }
    VaultStorage vault = storage.get();
    VaultStorage.Stored staged =
        vault
            .readStaged(upload.stagedObject())
            .orElseThrow(
                () ->
                    new ApiException(
                        409,
                        "NOT_UPLOADED",
                        "the file has not arrived; upload it with the URL first (it expires at "
                            + upload.expiresAt()
                            + ")"));
    String mismatch = mismatch(upload, staged, claimed);
    if (mismatch != null) {
      store.saveUpload(upload.refused(mismatch));
      vault.deleteStaged(upload.stagedObject());
      throw refused(mismatch);
    }
    // Registered first: the hold keeper then knows the incident has objects even if we stop here.
    store.hasObjects(id, call.now());
    String copied =
        vault.copyIntoVault(
            upload.stagedObject(),
            upload.vaultObject(),
            Map.of(
                "sha256", staged.sha256(),
                "incidentId", id,
                "evidenceId", upload.evidenceId(),
                "collectedBy", upload.requestedBy()));
    if (!copied.equals(staged.crc32c())) {
      throw new IllegalStateException("the vault's copy differs from the upload's checksum");
    }
    UploadRequest request = upload.request();
    Evidence evidence =
        new Evidence(
            upload.evidenceId(),
            request.source(),
            "gs://" + vault.vaultBucket() + "/" + upload.vaultObject(),
            staged.sha256(),
            request.description(),
            upload.requestedBy(),
            upload.requestedAt(),
            call.now(),
            List.of(
                new VaultFile(
                    upload.vaultObject(),
                    VaultFile.Role.FILE,
                    request.fileName(),
                    staged.sha256(),
                    staged.size(),
                    request.contentType())));
    CustodyEntry collected =
        new CustodyEntry(
            1,
            CustodyEntry.Action.COLLECTED,
            upload.requestedBy(),
            upload.requestedAt(),
            "uploaded into the evidence vault; SHA-256 computed by the browser and again by"
                + " Meldekette from the stored bytes");
    Incident after =
        incidents.updateCurrent(
            id,
            (tx, incident) -> {
              if (tx.evidence(evidence.id()).isPresent()) {
                return incident;
              }
              tx.createEvidence(evidence);
              tx.appendCustody(evidence.id(), collected);
              return tx.apply(
                      RecordRules.evidenceAdded(incident, evidence, call.actor(role), call.now()))
                  .incident();
            });
    store.saveUpload(upload.recorded());
    vault.deleteStaged(upload.stagedObject());
    // A legal hold standing on the incident reaches the new object too.
    holds.syncQuietly(id, call.now());
    call.created(
        after.version(),
        "/incidents/" + id + "/evidence/" + evidence.id(),
        EvidenceView.of(evidence, List.of(collected)));
  }

  /** Why what arrived is not what the member uploaded, or null when it is. */
  private static String mismatch(Upload upload, VaultStorage.Stored staged, String claimed) {
    if (staged.size() != upload.request().size()) {
      return "the stored file has "
          + staged.size()
          + " bytes, not the "
          + upload.request().size()
          + " declared";
    }
    if (!staged.sha256().equals(claimed)) {
      return "the SHA-256 of the stored file differs from the one the browser computed";
    }
    return null;
  }

  private static ApiException refused(String why) {
    return new ApiException(
        422,
        "HASH_MISMATCH",
        why + "; nothing was recorded, upload the file again",
        "sha256",
        null);
  }

  private static String body(StaffCall call) throws IOException {
    String sha256 = call.body(COMPLETE).string("sha256");
    if (sha256 == null || sha256.isBlank()) {
      throw new InvalidInput(
          "sha256", "REQUIRED", "sha256 of the file, as the browser computed it, is required");
    }
    sha256 = sha256.strip().toLowerCase(java.util.Locale.ROOT);
    if (!SHA256.matcher(sha256).matches()) {
      throw new InvalidInput("sha256", "INVALID_VALUE", "sha256 must be 64 hexadecimal characters");
    }
    return sha256;
  }

  private static long size(JsonFields body) {
    Long size = body.integer("size");
    if (size == null) {
      throw new InvalidInput("size", "REQUIRED", "size of the file in bytes is required");
    }
    return size;
  }

  static Map<String, Object> view(Upload u) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("uploadId", u.id());
    view.put("evidenceId", u.evidenceId());
    view.put("fileName", u.request().fileName());
    view.put("contentType", u.request().contentType());
    view.put("size", u.request().size());
    view.put("state", u.state());
    view.put("expiresAt", u.expiresAt());
    return view;
  }
}
