package org.meldekette.store;

import com.google.cloud.firestore.DocumentSnapshot;
import java.util.Map;
import org.meldekette.domain.CiaImpact;
import org.meldekette.domain.Classification;
import org.meldekette.domain.ImpactLevel;
import org.meldekette.domain.RiskLevel;
import org.meldekette.domain.Severity;
import org.meldekette.domain.SkipRequest;
import org.meldekette.domain.Triage;
import org.meldekette.domain.TriageChangeRequest;

/** Maps a triage change of legal facts filed for sign-off, with the triage it asks for. */
final class TriageChangeDocuments {
  private TriageChangeDocuments() {}

  static Map<String, Object> fields(TriageChangeRequest r) {
    return Doc.fields()
        .put("id", r.id())
        .put("input", input(r.input()))
        .put("facts", r.facts().stream().map(Enum::name).toList())
        .put("justification", r.justification())
        .put("baseTriage", r.baseTriage())
        .put("requestedBy", r.requestedBy())
        .put("requestedAt", r.requestedAt())
        .put("status", r.status())
        .put("approvedBy", r.approvedBy())
        .put("approvedAt", r.approvedAt())
        .map();
  }

  static TriageChangeRequest read(DocumentSnapshot snapshot) {
    Doc d = Doc.of(snapshot.getData());
    return new TriageChangeRequest(
        d.string("id"),
        input(d.doc("input")),
        d.strings("facts").stream().map(Triage.LegalFact::valueOf).toList(),
        d.string("justification"),
        d.map("baseTriage"),
        d.string("requestedBy"),
        d.instant("requestedAt"),
        d.enumValue("status", SkipRequest.Status.class),
        d.string("approvedBy"),
        d.instant("approvedAt"));
  }

  private static Doc.Fields input(Triage.Input i) {
    CiaImpact cia = i.cia() == null ? new CiaImpact(null, null, null) : i.cia();
    return Doc.fields()
        .put("classification", i.classification())
        .put("severity", i.severity())
        .put("confidentiality", cia.confidentiality())
        .put("integrity", cia.integrity())
        .put("availability", cia.availability())
        .put("scope", i.scope())
        .put("affectedSystems", i.affectedSystems())
        .put("dataDomains", i.dataDomains())
        .put("dataCategories", i.dataCategories())
        .put("estimatedDataSubjects", i.estimatedDataSubjects())
        .put("estimatedRecords", i.estimatedRecords())
        .put("initialRisk", i.initialRisk())
        .put("awarenessAt", i.awarenessAt())
        .put("awarenessJustification", i.awarenessJustification());
  }

  private static Triage.Input input(Doc d) {
    return new Triage.Input(
        d.enumValue("classification", Classification.class),
        d.enumValue("severity", Severity.class),
        new CiaImpact(
            d.enumValue("confidentiality", ImpactLevel.class),
            d.enumValue("integrity", ImpactLevel.class),
            d.enumValue("availability", ImpactLevel.class)),
        d.string("scope"),
        d.has("affectedSystems") ? d.strings("affectedSystems") : null,
        d.has("dataDomains") ? d.strings("dataDomains") : null,
        d.has("dataCategories") ? d.strings("dataCategories") : null,
        d.longValue("estimatedDataSubjects"),
        d.longValue("estimatedRecords"),
        d.enumValue("initialRisk", RiskLevel.class),
        d.instant("awarenessAt"),
        d.string("awarenessJustification"));
  }
}
