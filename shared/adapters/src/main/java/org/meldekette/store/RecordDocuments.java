package org.meldekette.store;

import com.google.cloud.firestore.DocumentSnapshot;
import java.util.Map;
import org.meldekette.domain.Approval;
import org.meldekette.domain.Art34Exception;
import org.meldekette.domain.Audience;
import org.meldekette.domain.CiaImpact;
import org.meldekette.domain.Classification;
import org.meldekette.domain.Communication;
import org.meldekette.domain.ContainmentKind;
import org.meldekette.domain.CustodyEntry;
import org.meldekette.domain.Decision;
import org.meldekette.domain.DecisionType;
import org.meldekette.domain.Effectiveness;
import org.meldekette.domain.EffectivenessResult;
import org.meldekette.domain.Evidence;
import org.meldekette.domain.EvidenceSource;
import org.meldekette.domain.ImpactLevel;
import org.meldekette.domain.Measure;
import org.meldekette.domain.MeasureStatus;
import org.meldekette.domain.MeasureType;
import org.meldekette.domain.Phase;
import org.meldekette.domain.ReporterMessage;
import org.meldekette.domain.RetentionExtension;
import org.meldekette.domain.RiskLevel;
import org.meldekette.domain.Role;
import org.meldekette.domain.Severity;
import org.meldekette.domain.SkipRequest;
import org.meldekette.domain.Triage;
import org.meldekette.domain.TriageChangeRequest;
import org.meldekette.domain.report.FinalReport;
import org.meldekette.domain.report.IssuedReport;

/**
 * Maps the records kept beside an incident (measures, evidence, custody, decisions, skip requests).
 */
final class RecordDocuments {
  private RecordDocuments() {}

  public static Map<String, Object> measure(Measure m) {
    Effectiveness e = m.effectiveness();
    return Doc.fields()
        .put("id", m.id())
        .put("type", m.type())
        .put("containmentKind", m.containmentKind())
        .put("description", m.description())
        .put("owner", m.owner())
        .put("dueAt", m.dueAt())
        .put("status", m.status())
        .put(
            "effectiveness",
            e == null
                ? null
                : Doc.fields()
                    .put("result", e.result())
                    .put("note", e.note())
                    .put("checkedBy", e.checkedBy())
                    .put("checkedAt", e.checkedAt()))
        .put("createdBy", m.createdBy())
        .put("createdAt", m.createdAt())
        .put("doneAt", m.doneAt())
        .map();
  }

  public static Measure measure(DocumentSnapshot snapshot) {
    Doc d = Doc.of(snapshot.getData());
    Doc e = d.doc("effectiveness");
    return new Measure(
        d.string("id"),
        d.enumValue("type", MeasureType.class),
        d.enumValue("containmentKind", ContainmentKind.class),
        d.string("description"),
        d.string("owner"),
        d.instant("dueAt"),
        d.enumValue("status", MeasureStatus.class),
        d.has("effectiveness")
            ? new Effectiveness(
                e.enumValue("result", EffectivenessResult.class),
                e.string("note"),
                e.string("checkedBy"),
                e.instant("checkedAt"))
            : null,
        d.string("createdBy"),
        d.instant("createdAt"),
        d.instant("doneAt"));
  }

  public static Map<String, Object> evidence(Evidence e) {
    return Doc.fields()
        .put("id", e.id())
        .put("source", e.source())
        .put("location", e.location())
        .put("sha256", e.sha256())
        .put("description", e.description())
        .put("collectedBy", e.collectedBy())
        .put("collectedAt", e.collectedAt())
        .put("recordedAt", e.recordedAt())
        .map();
  }

  public static Evidence evidence(DocumentSnapshot snapshot) {
    Doc d = Doc.of(snapshot.getData());
    return new Evidence(
        d.string("id"),
        d.enumValue("source", EvidenceSource.class),
        d.string("location"),
        d.string("sha256"),
        d.string("description"),
        d.string("collectedBy"),
        d.instant("collectedAt"),
        d.instant("recordedAt"));
  }

  public static Map<String, Object> custody(CustodyEntry c) {
    return Doc.fields()
        .put("sequence", c.sequence())
        .put("action", c.action())
        .put("by", c.by())
        .put("at", c.at())
        .put("note", c.note())
        .map();
  }

  public static CustodyEntry custody(DocumentSnapshot snapshot) {
    Doc d = Doc.of(snapshot.getData());
    return new CustodyEntry(
        d.longValue("sequence").intValue(),
        d.enumValue("action", CustodyEntry.Action.class),
        d.string("by"),
        d.instant("at"),
        d.string("note"));
  }

  public static Map<String, Object> decision(Decision d) {
    return Doc.fields()
        .put("id", d.id())
        .put("type", d.type())
        .put("reasoning", d.reasoning())
        .put("responsible", d.responsible())
        .put("signedAs", d.signedAs())
        .put("decidedAt", d.decidedAt())
        .put("corrects", d.corrects())
        .put("delayReasons", d.delayReasons())
        .put("exception", d.exception())
        .map();
  }

  public static Decision decision(DocumentSnapshot snapshot) {
    Doc d = Doc.of(snapshot.getData());
    return new Decision(
        d.string("id"),
        d.enumValue("type", DecisionType.class),
        d.string("reasoning"),
        d.string("responsible"),
        d.enumValue("signedAs", Role.class),
        d.instant("decidedAt"),
        d.string("corrects"),
        d.string("delayReasons"),
        d.enumValue("exception", Art34Exception.class));
  }

  public static Map<String, Object> retentionExtension(RetentionExtension r) {
    return Doc.fields()
        .put("id", r.id())
        .put("what", r.what())
        .put("until", r.until())
        .put("justification", r.justification())
        .put("status", r.status())
        .put("decidedBy", r.decidedBy())
        .put("decidedAt", r.decidedAt())
        .put("lastJustification", r.lastJustification())
        .map();
  }

  public static RetentionExtension retentionExtension(DocumentSnapshot snapshot) {
    Doc d = Doc.of(snapshot.getData());
    return new RetentionExtension(
        d.string("id"),
        d.string("what"),
        d.instant("until"),
        d.string("justification"),
        d.enumValue("status", RetentionExtension.Status.class),
        d.string("decidedBy"),
        d.instant("decidedAt"),
        d.string("lastJustification"));
  }

  public static Map<String, Object> approval(Approval a) {
    return Doc.fields()
        .put("id", a.id())
        .put("audience", a.audience())
        .put("note", a.note())
        .put("approvedBy", a.approvedBy())
        .put("approvedAt", a.approvedAt())
        .map();
  }

  public static Approval approval(DocumentSnapshot snapshot) {
    Doc d = Doc.of(snapshot.getData());
    return new Approval(
        d.string("id"),
        d.enumValue("audience", Audience.class),
        d.string("note"),
        d.string("approvedBy"),
        d.instant("approvedAt"));
  }

  public static Map<String, Object> communication(Communication c) {
    return Doc.fields()
        .put("id", c.id())
        .put("audience", c.audience())
        .put("channel", c.channel())
        .put("summary", c.summary())
        .put("sentAt", c.sentAt())
        .put("notification", c.notification())
        .put("stage", c.stage())
        .put("delayReasons", c.delayReasons())
        .put("recordedBy", c.recordedBy())
        .put("recordedAt", c.recordedAt())
        .put("factsSent", c.factsSent())
        .put("timeJustification", c.timeJustification())
        .map();
  }

  public static Communication communication(DocumentSnapshot snapshot) {
    Doc d = Doc.of(snapshot.getData());
    return new Communication(
        d.string("id"),
        d.enumValue("audience", Audience.class),
        d.string("channel"),
        d.string("summary"),
        d.instant("sentAt"),
        d.enumValue("notification", Communication.Notification.class),
        d.string("stage"),
        d.string("delayReasons"),
        d.string("recordedBy"),
        d.instant("recordedAt"),
        d.map("factsSent"),
        d.string("timeJustification"));
  }

  public static Map<String, Object> reporterMessage(ReporterMessage m) {
    return Doc.fields()
        .put("id", m.id())
        .put("direction", m.direction())
        .put("text", m.text())
        .put("at", m.at())
        .put("author", m.author())
        .map();
  }

  public static ReporterMessage reporterMessage(DocumentSnapshot snapshot) {
    Doc d = Doc.of(snapshot.getData());
    return new ReporterMessage(
        d.string("id"),
        d.enumValue("direction", ReporterMessage.Direction.class),
        d.string("text"),
        d.instant("at"),
        d.string("author"));
  }

  public static Map<String, Object> skipRequest(SkipRequest s) {
    return Doc.fields()
        .put("id", s.id())
        .put("from", s.from())
        .put("to", s.to())
        .put("justification", s.justification())
        .put("requestedBy", s.requestedBy())
        .put("requestedAt", s.requestedAt())
        .put("status", s.status())
        .put("approvedBy", s.approvedBy())
        .put("approvedAt", s.approvedAt())
        .map();
  }

  public static SkipRequest skipRequest(DocumentSnapshot snapshot) {
    Doc d = Doc.of(snapshot.getData());
    return new SkipRequest(
        d.string("id"),
        d.enumValue("from", Phase.class),
        d.enumValue("to", Phase.class),
        d.string("justification"),
        d.string("requestedBy"),
        d.instant("requestedAt"),
        d.enumValue("status", SkipRequest.Status.class),
        d.string("approvedBy"),
        d.instant("approvedAt"));
  }

  static Map<String, Object> triageChange(TriageChangeRequest r) {
    return Doc.fields()
        .put("id", r.id())
        .put("input", triageInput(r.input()))
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

  static TriageChangeRequest triageChange(DocumentSnapshot snapshot) {
    Doc d = Doc.of(snapshot.getData());
    return new TriageChangeRequest(
        d.string("id"),
        triageInput(d.doc("input")),
        d.strings("facts").stream().map(Triage.LegalFact::valueOf).toList(),
        d.string("justification"),
        d.map("baseTriage"),
        d.string("requestedBy"),
        d.instant("requestedAt"),
        d.enumValue("status", SkipRequest.Status.class),
        d.string("approvedBy"),
        d.instant("approvedAt"));
  }

  private static Doc.Fields triageInput(Triage.Input i) {
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

  private static Triage.Input triageInput(Doc d) {
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

  static Map<String, Object> issuedReport(IssuedReport r) {
    return Doc.fields()
        .put("version", r.version())
        .put("issuedAt", r.issuedAt())
        .put("issuedBy", r.issuedBy())
        .put("closedAt", r.closedAt())
        .put("sha256", r.frozen().sha256())
        .put("json", r.frozen().json())
        .map();
  }

  static IssuedReport issuedReport(DocumentSnapshot snapshot) {
    Doc d = Doc.of(snapshot.getData());
    return new IssuedReport(
        d.longValue("version").intValue(),
        d.instant("issuedAt"),
        d.string("issuedBy"),
        d.instant("closedAt"),
        new FinalReport.Frozen(d.string("json"), d.string("sha256")));
  }
}
