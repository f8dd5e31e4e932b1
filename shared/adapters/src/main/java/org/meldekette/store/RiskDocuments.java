package org.meldekette.store;

import com.google.cloud.firestore.DocumentSnapshot;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.Art34Exception;
import org.meldekette.domain.RiskLevel;
import org.meldekette.domain.Role;
import org.meldekette.domain.risk.Circumstance;
import org.meldekette.domain.risk.ContextFactor;
import org.meldekette.domain.risk.DataCategory;
import org.meldekette.domain.risk.EdpbFactor;
import org.meldekette.domain.risk.Identifiability;
import org.meldekette.domain.risk.Obligation;
import org.meldekette.domain.risk.RiskAcceptance;
import org.meldekette.domain.risk.RiskAdvice;
import org.meldekette.domain.risk.RiskAssessment;
import org.meldekette.domain.risk.RiskInput;
import org.meldekette.domain.risk.RiskScore;
import org.meldekette.domain.risk.SeverityBand;

/**
 * Maps risk assessments (under the incident, one document each, never replaced but for the verdict)
 * and the accepted one's summary on the incident. Decimal figures are stored as text: a table may
 * use weights a binary double cannot hold exactly.
 */
final class RiskDocuments {
  private RiskDocuments() {}

  static Map<String, Object> fields(RiskAssessment a) {
    RiskInput input = a.input();
    List<Map<String, Object>> data = new ArrayList<>();
    for (RiskInput.DataItem item : input.data()) {
      data.add(
          Doc.fields()
              .put("category", item.category())
              .put("score", item.score())
              .put("factors", item.factors().stream().map(Enum::name).toList())
              .put("reason", item.reason())
              .map());
    }
    Doc.Fields circumstances = Doc.fields();
    input
        .circumstances()
        .forEach(
            (c, finding) ->
                circumstances.put(
                    c.name(),
                    Doc.fields().put("level", finding.level()).put("reason", finding.reason())));
    Doc.Fields factors = Doc.fields();
    input.factors().forEach((factor, note) -> factors.put(factor.name(), note));
    RiskScore s = a.score();
    RiskAssessment.Verdict v = a.verdict();
    return Doc.fields()
        .put("id", a.id())
        .put("sequence", a.sequence())
        .put("data", data)
        .put(
            "identification",
            Doc.fields()
                .put("level", input.identification().level())
                .put("reason", input.identification().reason()))
        .put("circumstances", circumstances)
        .put("factors", factors)
        .put(
            "exceptions",
            input.exceptions().stream()
                .map(
                    e ->
                        Doc.fields()
                            .put("exception", e.exception())
                            .put("reason", e.reason())
                            .map())
                .toList())
        .put("method", s.method())
        .put("dpc", s.dpc())
        .put("ei", s.ei().toPlainString())
        .put("cb", s.cb().toPlainString())
        .put("severity", s.severity().toPlainString())
        .put("band", s.band())
        .put("suggestedRisk", a.advice().risk())
        .put("obligations", a.advice().obligations().stream().map(Enum::name).toList())
        .put("restsOn", a.advice().restsOn().stream().map(Enum::name).toList())
        .put("assessedBy", a.assessedBy())
        .put("assessedAs", a.assessedAs())
        .put("assessedAt", a.assessedAt())
        .put("verdict", v == null ? null : verdictFields(v))
        .map();
  }

  static RiskAssessment read(DocumentSnapshot snapshot) {
    Doc d = Doc.of(snapshot.getData());
    List<RiskInput.DataItem> data = new ArrayList<>();
    for (Map<String, Object> item : maps(d.raw("data"))) {
      Doc i = Doc.of(item);
      data.add(
          new RiskInput.DataItem(
              i.enumValue("category", DataCategory.class),
              i.longValue("score").intValue(),
              i.strings("factors").stream().map(ContextFactor::valueOf).toList(),
              i.string("reason")));
    }
    Map<Circumstance, RiskInput.Finding> circumstances = new EnumMap<>(Circumstance.class);
    Doc found = d.doc("circumstances");
    for (Circumstance c : Circumstance.values()) {
      Doc f = found.doc(c.name());
      circumstances.put(c, new RiskInput.Finding(f.string("level"), f.string("reason")));
    }
    Map<EdpbFactor, String> factors = new EnumMap<>(EdpbFactor.class);
    d.map("factors").forEach((k, v) -> factors.put(EdpbFactor.valueOf(k), (String) v));
    List<RiskInput.ExceptionClaim> exceptions = new ArrayList<>();
    for (Map<String, Object> claim : maps(d.raw("exceptions"))) {
      Doc c = Doc.of(claim);
      exceptions.add(
          new RiskInput.ExceptionClaim(
              c.enumValue("exception", Art34Exception.class), c.string("reason")));
    }
    Doc identification = d.doc("identification");
    RiskInput input =
        new RiskInput(
            data,
            new RiskInput.Identification(
                identification.enumValue("level", Identifiability.class),
                identification.string("reason")),
            circumstances,
            factors,
            exceptions);
    RiskScore score =
        new RiskScore(
            d.string("method"),
            d.longValue("dpc").intValue(),
            new BigDecimal(d.string("ei")),
            new BigDecimal(d.string("cb")),
            new BigDecimal(d.string("severity")),
            d.enumValue("band", SeverityBand.class));
    RiskAdvice advice =
        new RiskAdvice(
            d.enumValue("suggestedRisk", RiskLevel.class),
            d.strings("obligations").stream().map(Obligation::valueOf).toList(),
            d.strings("restsOn").stream().map(Art34Exception::valueOf).toList());
    return new RiskAssessment(
        d.string("id"),
        d.longValue("sequence"),
        input,
        score,
        advice,
        d.string("assessedBy"),
        d.enumValue("assessedAs", Role.class),
        d.instant("assessedAt"),
        d.has("verdict") ? verdict(d.doc("verdict")) : null);
  }

  static Doc.Fields acceptanceFields(RiskAcceptance a) {
    return Doc.fields()
        .put("assessmentId", a.assessmentId())
        .put("method", a.method())
        .put("severity", a.severity().toPlainString())
        .put("band", a.band())
        .put("risk", a.risk())
        .put("overridden", a.overridden())
        .put("reason", a.reason())
        .put("decidedBy", a.decidedBy())
        .put("signedAs", a.signedAs())
        .put("decidedAt", a.decidedAt())
        .put("consequences", a.consequences());
  }

  static RiskAcceptance acceptance(Doc d) {
    return new RiskAcceptance(
        d.string("assessmentId"),
        d.string("method"),
        new BigDecimal(d.string("severity")),
        d.enumValue("band", SeverityBand.class),
        d.enumValue("risk", RiskLevel.class),
        d.bool("overridden"),
        d.string("reason"),
        d.string("decidedBy"),
        d.enumValue("signedAs", Role.class),
        d.instant("decidedAt"),
        d.string("consequences"));
  }

  private static Doc.Fields verdictFields(RiskAssessment.Verdict v) {
    return Doc.fields()
        .put("decision", v.decision())
        .put("risk", v.risk())
        .put("reason", v.reason())
        .put("decidedBy", v.decidedBy())
        .put("signedAs", v.signedAs())
        .put("decidedAt", v.decidedAt());
  }

  private static RiskAssessment.Verdict verdict(Doc d) {
    return new RiskAssessment.Verdict(
        d.enumValue("decision", RiskAssessment.Decision.class),
        d.enumValue("risk", RiskLevel.class),
        d.string("reason"),
        d.string("decidedBy"),
        d.enumValue("signedAs", Role.class),
        d.instant("decidedAt"));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object list) {
    return list instanceof List<?> items ? (List<Map<String, Object>>) items : List.of();
  }
}
