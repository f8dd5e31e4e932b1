package org.meldekette.json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.CustodyEntry;
import org.meldekette.domain.Evidence;
import org.meldekette.domain.VaultFile;

/**
 * A piece of evidence as the staff API shows it (incident-lifecycle and evidence-vault alike):
 * whether Meldekette secured it in its vault ({@code secured}, with the files and their SHA-256) or
 * it was recorded by reference, and its chain of custody.
 */
public final class EvidenceView {
  private EvidenceView() {}

  public static Map<String, Object> of(Evidence e, List<CustodyEntry> custody) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", e.id());
    view.put("source", e.source());
    view.put("location", e.location());
    view.put("sha256", e.sha256());
    view.put("description", e.description());
    view.put("collectedBy", e.collectedBy());
    view.put("collectedAt", e.collectedAt());
    view.put("recordedAt", e.recordedAt());
    view.put("secured", e.securedByMeldekette());
    view.put("files", e.files().stream().map(EvidenceView::file).toList());
    if (custody != null) {
      view.put("custody", custody);
    }
    return view;
  }

  private static Map<String, Object> file(VaultFile f) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("object", f.object());
    view.put("role", f.role());
    view.put("fileName", f.fileName());
    view.put("sha256", f.sha256());
    view.put("size", f.size());
    view.put("contentType", f.contentType());
    return view;
  }
}
