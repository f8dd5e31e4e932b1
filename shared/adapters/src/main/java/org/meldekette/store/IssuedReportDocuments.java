package org.meldekette.store;

import com.google.cloud.firestore.DocumentSnapshot;
import java.util.Map;
import org.meldekette.domain.report.FinalReport;
import org.meldekette.domain.report.IssuedReport;

/** Maps an issued final report, frozen with its hash. */
final class IssuedReportDocuments {
  private IssuedReportDocuments() {}

  static Map<String, Object> fields(IssuedReport r) {
    return Doc.fields()
        .put("version", r.version())
        .put("issuedAt", r.issuedAt())
        .put("issuedBy", r.issuedBy())
        .put("closedAt", r.closedAt())
        .put("sha256", r.frozen().sha256())
        .put("json", r.frozen().json())
        .map();
  }

  static IssuedReport read(DocumentSnapshot snapshot) {
    Doc d = Doc.of(snapshot.getData());
    return new IssuedReport(
        d.longValue("version").intValue(),
        d.instant("issuedAt"),
        d.string("issuedBy"),
        d.instant("closedAt"),
        new FinalReport.Frozen(d.string("json"), d.string("sha256")));
  }
}
