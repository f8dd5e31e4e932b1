package org.meldekette.store;

import com.google.cloud.firestore.DocumentSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.meldekette.domain.Assessment;
import org.meldekette.domain.CiaImpact;
import org.meldekette.domain.Classification;
import org.meldekette.domain.Closure;
import org.meldekette.domain.ImpactLevel;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentSource;
import org.meldekette.domain.Milestones;
import org.meldekette.domain.Phase;
import org.meldekette.domain.ProcessingRoles;
import org.meldekette.domain.RegimeTrigger;
import org.meldekette.domain.ReportKind;
import org.meldekette.domain.RiskLevel;
import org.meldekette.domain.Severity;
import org.meldekette.domain.Triage;

/**
 * Maps an {@link Incident} to its Firestore document and back; field names are the stored schema.
 * Classification and severity are also kept at the top level, where list queries filter on them.
 */
final class IncidentDocuments {
  private IncidentDocuments() {}

  public static Map<String, Object> fields(Incident incident) {
    Triage triage = incident.triage();
    return Doc.fields()
        .put("id", incident.id())
        .put("title", incident.title())
        .put("source", incident.source())
        .put("reportKind", incident.reportKind())
        .put("phase", incident.phase())
        .put("open", !incident.isClosed())
        .put("detectedAt", incident.detectedAt())
        .put("createdAt", incident.createdAt())
        .put("updatedAt", incident.updatedAt())
        .put("version", incident.version())
        .put("classification", triage == null ? null : triage.classification())
        .put("severity", triage == null ? null : triage.severity())
        .put("triage", triage == null ? null : triageFields(triage))
        .put("noEvidenceJustification", incident.noEvidenceJustification())
        .put("closedAt", incident.closedAt())
        .put("closure", incident.closure())
        // Reports held for screening are listed apart (the console's "to screen").
        .put("held", incident.held())
        .put("sourceUrl", incident.sourceUrl())
        .put(
            "milestones",
            Doc.fields()
                .put("triagedAt", incident.milestones().triagedAt())
                .put("escalationAcknowledgedAt", incident.milestones().escalationAcknowledgedAt())
                .put("escalationAcknowledgedBy", incident.milestones().escalationAcknowledgedBy())
                .put("finalReportIssuedAt", incident.milestones().finalReportIssuedAt())
                .put("finalReportVersion", incident.milestones().finalReportVersion())
                .put("operationRestoredAt", incident.milestones().operationRestoredAt())
                .put("operationRestoredBy", incident.milestones().operationRestoredBy())
                .put("breachAssessedAt", incident.milestones().breachAssessedAt()))
        .put("regimes", regimeFields(incident.regimes()))
        .put("assessment", assessmentFields(incident.assessment()))
        .put("processing", processingFields(incident.processing()))
        // A once-breach stays in the breach register (Art. 33(5)): the register queries this.
        .put("everBreach", incident.wasEverBreach())
        .put("team", incident.team())
        .put("customers", incident.customers())
        .put(
            "riskAcceptance",
            incident.riskAcceptance() == null
                ? null
                : RiskDocuments.acceptanceFields(incident.riskAcceptance()))
        .map();
  }

  public static Incident incident(DocumentSnapshot snapshot) {
    Doc doc = Doc.of(snapshot.getData());
    return new Incident(
        doc.string("id"),
        doc.string("title"),
        doc.enumValue("source", IncidentSource.class),
        doc.enumValue("reportKind", ReportKind.class),
        doc.enumValue("phase", Phase.class),
        doc.instant("detectedAt"),
        doc.instant("createdAt"),
        doc.instant("updatedAt"),
        doc.longValue("version"),
        doc.has("triage") ? triage(doc.doc("triage")) : null,
        doc.string("noEvidenceJustification"),
        doc.instant("closedAt"),
        doc.string("sourceUrl"),
        milestones(doc.doc("milestones")),
        regimes(doc.map("regimes")),
        assessment(doc.doc("assessment")),
        doc.strings("team"),
        processing(doc.doc("processing")),
        doc.enumValue("closure", Closure.class),
        doc.bool("held"),
        doc.has("riskAcceptance") ? RiskDocuments.acceptance(doc.doc("riskAcceptance")) : null,
        doc.has("customers") ? doc.strings("customers") : null);
  }

  private static Doc.Fields processingFields(ProcessingRoles p) {
    return Doc.fields()
        .put("role", p.role())
        .put("controller", p.controller() == null ? null : partyFields(p.controller()))
        .put("processors", p.processors().stream().map(party -> partyFields(party).map()).toList());
  }

  private static Doc.Fields partyFields(ProcessingRoles.Party party) {
    return Doc.fields()
        .put("name", party.name())
        .put("contact", party.contact())
        .put("agreement", party.agreement());
  }

  @SuppressWarnings("unchecked")
  private static ProcessingRoles processing(Doc d) {
    if (!d.has("role")) {
      return ProcessingRoles.OWN_DATA;
    }
    java.util.List<ProcessingRoles.Party> processors = new java.util.ArrayList<>();
    Object list = d.raw("processors");
    if (list instanceof java.util.List<?> items) {
      for (Object item : items) {
        processors.add(party(Doc.of((Map<String, Object>) item)));
      }
    }
    return new ProcessingRoles(
        d.enumValue("role", ProcessingRoles.OperatorRole.class),
        d.has("controller") ? party(d.doc("controller")) : null,
        processors);
  }

  private static ProcessingRoles.Party party(Doc d) {
    return new ProcessingRoles.Party(d.string("name"), d.string("contact"), d.string("agreement"));
  }

  private static Doc.Fields assessmentFields(Assessment a) {
    return Doc.fields()
        .put("nature", a.nature())
        .put("dataSubjectCategories", a.dataSubjectCategories())
        .put("likelyConsequences", a.likelyConsequences())
        .put("adviceToDataSubjects", a.adviceToDataSubjects())
        .put("maliciousActSuspected", a.maliciousActSuspected())
        .put("crossBorderImpact", a.crossBorderImpact())
        .put("indicatorsOfCompromise", a.indicatorsOfCompromise())
        .put("rootCause", a.rootCause())
        .put("mitigation", a.mitigation())
        .put("lessonsLearned", a.lessonsLearned());
  }

  private static Assessment assessment(Doc d) {
    return new Assessment(
        d.string("nature"),
        d.string("dataSubjectCategories"),
        d.string("likelyConsequences"),
        d.string("adviceToDataSubjects"),
        d.has("maliciousActSuspected") ? d.bool("maliciousActSuspected") : null,
        d.has("crossBorderImpact") ? d.bool("crossBorderImpact") : null,
        d.string("indicatorsOfCompromise"),
        d.string("rootCause"),
        d.string("mitigation"),
        d.string("lessonsLearned"));
  }

  private static Milestones milestones(Doc doc) {
    return new Milestones(
        doc.instant("triagedAt"),
        doc.instant("escalationAcknowledgedAt"),
        doc.string("escalationAcknowledgedBy"),
        doc.instant("finalReportIssuedAt"),
        doc.has("finalReportVersion")
            ? doc.longValue("finalReportVersion").intValue()
            : doc.has("finalReportIssuedAt") ? 1 : 0,
        doc.instant("operationRestoredAt"),
        doc.string("operationRestoredBy"),
        doc.instant("breachAssessedAt"));
  }

  private static Map<String, Object> regimeFields(Map<String, RegimeTrigger> regimes) {
    Map<String, Object> fields = new LinkedHashMap<>();
    regimes.forEach(
        (regime, trigger) ->
            fields.put(
                regime,
                Doc.fields()
                    .put("triggeredAt", trigger.triggeredAt())
                    .put("awareAt", trigger.awareAt())
                    .put("by", trigger.by())
                    .put("justification", trigger.justification())
                    .put("requests", requestFields(trigger.requests()))
                    .map()));
    return fields;
  }

  private static Map<String, Object> requestFields(Map<String, java.time.Instant> requests) {
    Map<String, Object> fields = new LinkedHashMap<>();
    requests.forEach((stage, due) -> fields.put(stage, Timestamps.of(due)));
    return fields;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, RegimeTrigger> regimes(Map<String, Object> stored) {
    Map<String, RegimeTrigger> regimes = new TreeMap<>();
    stored.forEach(
        (regime, value) -> {
          Doc trigger = Doc.of((Map<String, Object>) value);
          Doc requests = trigger.doc("requests");
          Map<String, java.time.Instant> due = new TreeMap<>();
          trigger
              .map("requests")
              .keySet()
              .forEach(stage -> due.put(stage, requests.instant(stage)));
          regimes.put(
              regime,
              new RegimeTrigger(
                  trigger.instant("triggeredAt"),
                  trigger.instant("awareAt"),
                  trigger.string("by"),
                  trigger.string("justification"),
                  due));
        });
    return regimes;
  }

  private static Doc.Fields triageFields(Triage triage) {
    return Doc.fields()
        .put("classification", triage.classification())
        .put("severity", triage.severity())
        .put("confidentiality", triage.cia().confidentiality())
        .put("integrity", triage.cia().integrity())
        .put("availability", triage.cia().availability())
        .put("scope", triage.scope())
        .put("affectedSystems", triage.affectedSystems())
        .put("dataDomains", triage.dataDomains())
        .put("dataCategories", triage.dataCategories())
        .put("estimatedDataSubjects", triage.estimatedDataSubjects())
        .put("estimatedRecords", triage.estimatedRecords())
        .put("initialRisk", triage.initialRisk())
        .put("classifiedAt", triage.classifiedAt())
        .put("highRiskFoundAt", triage.highRiskFoundAt())
        .put("breachClassifiedAt", triage.breachClassifiedAt())
        .put("awarenessAt", triage.awarenessAt())
        .put("awarenessJustification", triage.awarenessJustification());
  }

  private static Triage triage(Doc doc) {
    return new Triage(
        doc.enumValue("classification", Classification.class),
        doc.enumValue("severity", Severity.class),
        new CiaImpact(
            doc.enumValue("confidentiality", ImpactLevel.class),
            doc.enumValue("integrity", ImpactLevel.class),
            doc.enumValue("availability", ImpactLevel.class)),
        doc.string("scope"),
        doc.strings("affectedSystems"),
        doc.strings("dataDomains"),
        doc.strings("dataCategories"),
        doc.longValue("estimatedDataSubjects"),
        doc.longValue("estimatedRecords"),
        doc.enumValue("initialRisk", RiskLevel.class),
        doc.instant("classifiedAt"),
        doc.instant("highRiskFoundAt"),
        doc.instant("breachClassifiedAt"),
        doc.instant("awarenessAt"),
        doc.string("awarenessJustification"));
  }
}
