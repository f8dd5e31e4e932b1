package org.meldekette.lifecycle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.risk.RiskAcceptance;
import org.meldekette.domain.risk.RiskAdvice;
import org.meldekette.domain.risk.RiskAssessment;
import org.meldekette.domain.risk.RiskInput;
import org.meldekette.domain.risk.RiskScore;

/** The JSON shapes of risk assessments: what was found, the score, the advice, the verdict. */
final class RiskViews {
  private RiskViews() {}

  static Map<String, Object> assessment(RiskAssessment a) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", a.id());
    view.put("status", status(a));
    view.put("input", input(a.input()));
    view.put("score", score(a.score()));
    view.put("advice", advice(a.advice()));
    view.put("assessedBy", a.assessedBy());
    view.put("assessedAs", a.assessedAs());
    view.put("assessedAt", a.assessedAt());
    RiskAssessment.Verdict v = a.verdict();
    if (v != null) {
      Map<String, Object> verdict = new LinkedHashMap<>();
      verdict.put("decision", v.decision());
      verdict.put("risk", v.risk());
      verdict.put("reason", v.reason());
      verdict.put("decidedBy", v.decidedBy());
      verdict.put("signedAs", v.signedAs());
      verdict.put("decidedAt", v.decidedAt());
      view.put("verdict", verdict);
    }
    return view;
  }

  /** A suggestion: the score and the advice, nothing stored. */
  static Map<String, Object> suggestion(RiskScore score, RiskAdvice advice) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("score", score(score));
    view.put("advice", advice(advice));
    return view;
  }

  static Map<String, Object> acceptance(RiskAcceptance a) {
    if (a == null) {
      return null;
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("assessmentId", a.assessmentId());
    view.put("method", a.method());
    view.put("severity", a.severity());
    view.put("band", a.band());
    view.put("risk", a.risk());
    view.put("overridden", a.overridden());
    view.put("reason", a.reason());
    view.put("decidedBy", a.decidedBy());
    view.put("signedAs", a.signedAs());
    view.put("decidedAt", a.decidedAt());
    return view;
  }

  private static String status(RiskAssessment a) {
    if (a.verdict() == null) {
      return "PROPOSED";
    }
    return a.verdict().decision() == RiskAssessment.Decision.ACCEPT ? "ACCEPTED" : "OVERRIDDEN";
  }

  private static Map<String, Object> score(RiskScore s) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("method", s.method());
    view.put("dpc", s.dpc());
    view.put("ei", s.ei());
    view.put("cb", s.cb());
    view.put("severity", s.severity());
    view.put("band", s.band());
    return view;
  }

  private static Map<String, Object> advice(RiskAdvice a) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("risk", a.risk());
    view.put("obligations", a.obligations());
    view.put("restsOn", a.restsOn().isEmpty() ? null : a.restsOn());
    return view;
  }

  private static Map<String, Object> input(RiskInput i) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put(
        "data",
        i.data().stream()
            .map(
                d -> {
                  Map<String, Object> item = new LinkedHashMap<>();
                  item.put("category", d.category());
                  item.put("score", d.score());
                  item.put("factors", d.factors());
                  item.put("reason", d.reason());
                  return item;
                })
            .toList());
    view.put(
        "identification",
        Map.of("level", i.identification().level(), "reason", i.identification().reason()));
    Map<String, Object> circumstances = new LinkedHashMap<>();
    i.circumstances().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                circumstances.put(
                    e.getKey().field(),
                    Map.of("level", e.getValue().level(), "reason", e.getValue().reason())));
    view.put("circumstances", circumstances);
    Map<String, Object> factors = new LinkedHashMap<>();
    i.factors().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> factors.put(e.getKey().name(), e.getValue()));
    view.put("factors", factors);
    List<Map<String, Object>> exceptions =
        i.exceptions().stream()
            .map(e -> Map.<String, Object>of("exception", e.exception(), "reason", e.reason()))
            .toList();
    view.put("exceptions", exceptions);
    return view;
  }
}
