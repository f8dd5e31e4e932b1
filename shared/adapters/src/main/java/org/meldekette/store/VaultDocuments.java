package org.meldekette.store;

import com.google.cloud.firestore.DocumentSnapshot;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.EvidenceSource;
import org.meldekette.domain.vault.LogCapture;
import org.meldekette.domain.vault.LogCaptureRequest;
import org.meldekette.domain.vault.Upload;
import org.meldekette.domain.vault.UploadRequest;

/** Maps the vault's working records: uploads on their way in and log captures in progress. */
final class VaultDocuments {
  private VaultDocuments() {}

  static Map<String, Object> upload(Upload u) {
    return Doc.fields()
        .put("id", u.id())
        .put("incidentId", u.incidentId())
        .put("evidenceId", u.evidenceId())
        .put("fileName", u.request().fileName())
        .put("contentType", u.request().contentType())
        .put("size", u.request().size())
        .put("source", u.request().source())
        .put("description", u.request().description())
        .put("stagedObject", u.stagedObject())
        .put("vaultObject", u.vaultObject())
        .put("requestedBy", u.requestedBy())
        .put("requestedAt", u.requestedAt())
        .put("expiresAt", u.expiresAt())
        .put("state", u.state())
        .put("refusal", u.refusal())
        .map();
  }

  static Upload upload(DocumentSnapshot snapshot) {
    Doc d = Doc.of(snapshot.getData());
    return new Upload(
        d.string("id"),
        d.string("incidentId"),
        d.string("evidenceId"),
        new UploadRequest(
            d.string("fileName"),
            d.string("contentType"),
            d.longValue("size"),
            d.enumValue("source", EvidenceSource.class),
            d.string("description")),
        d.string("stagedObject"),
        d.string("vaultObject"),
        d.string("requestedBy"),
        d.instant("requestedAt"),
        d.instant("expiresAt"),
        d.enumValue("state", Upload.State.class),
        d.string("refusal"));
  }

  static Map<String, Object> capture(LogCapture c) {
    return Doc.fields()
        .put("id", c.id())
        .put("incidentId", c.incidentId())
        .put("evidenceId", c.evidenceId())
        .put("filter", c.request().filter())
        .put("from", c.request().from())
        .put("to", c.request().to())
        .put("source", c.request().source())
        .put("description", c.request().description())
        .put("requestedBy", c.requestedBy())
        .put("requestedAt", c.requestedAt())
        .put("state", c.state())
        .put("step", c.step())
        .put("pageToken", c.pageToken())
        .put("entries", c.entries())
        .put("parts", c.parts().stream().map(VaultDocuments::part).toList())
        .put("firstEntryAt", c.firstEntryAt())
        .put("lastEntryAt", c.lastEntryAt())
        .put("readAt", c.readAt())
        .put("failure", c.failure())
        .map();
  }

  static LogCapture capture(DocumentSnapshot snapshot) {
    Doc d = Doc.of(snapshot.getData());
    return new LogCapture(
        d.string("id"),
        d.string("incidentId"),
        d.string("evidenceId"),
        new LogCaptureRequest(
            d.string("filter"),
            d.instant("from"),
            d.instant("to"),
            d.enumValue("source", EvidenceSource.class),
            d.string("description")),
        d.string("requestedBy"),
        d.instant("requestedAt"),
        d.enumValue("state", LogCapture.State.class),
        d.longValue("step").intValue(),
        d.string("pageToken"),
        d.longValue("entries"),
        parts(d.raw("parts")),
        d.instant("firstEntryAt"),
        d.instant("lastEntryAt"),
        d.instant("readAt"),
        d.string("failure"));
  }

  private static Map<String, Object> part(LogCapture.Part p) {
    return Doc.fields()
        .put("object", p.object())
        .put("entries", p.entries())
        .put("bytes", p.bytes())
        .put("first", p.first())
        .put("last", p.last())
        .map();
  }

  @SuppressWarnings("unchecked")
  private static List<LogCapture.Part> parts(Object stored) {
    if (stored == null) {
      return List.of();
    }
    return ((List<Map<String, Object>>) stored)
        .stream()
            .map(Doc::of)
            .map(
                p ->
                    new LogCapture.Part(
                        p.string("object"),
                        p.longValue("entries"),
                        p.longValue("bytes"),
                        p.instant("first"),
                        p.instant("last")))
            .toList();
  }
}
