package org.meldekette.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/** An assessment as plain values for the timeline's before and after. */
public final class AssessmentView {
  private AssessmentView() {}

  public static Map<String, Object> of(Assessment a) {
    Map<String, Object> view = new LinkedHashMap<>();
    TriageView.put(view, "nature", a.nature());
    TriageView.put(view, "dataSubjectCategories", a.dataSubjectCategories());
    TriageView.put(view, "likelyConsequences", a.likelyConsequences());
    TriageView.put(view, "adviceToDataSubjects", a.adviceToDataSubjects());
    TriageView.put(view, "maliciousActSuspected", a.maliciousActSuspected());
    TriageView.put(view, "crossBorderImpact", a.crossBorderImpact());
    TriageView.put(view, "indicatorsOfCompromise", a.indicatorsOfCompromise());
    TriageView.put(view, "rootCause", a.rootCause());
    TriageView.put(view, "mitigation", a.mitigation());
    return view;
  }
}
