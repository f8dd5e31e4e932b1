package org.meldekette.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/** A measure as plain values for the timeline's before and after. */
public final class MeasureView {
  private MeasureView() {}

  public static Map<String, Object> of(Measure measure) {
    Map<String, Object> view = new LinkedHashMap<>();
    TriageView.put(view, "measure", measure.id());
    TriageView.put(view, "type", measure.type());
    TriageView.put(view, "containmentKind", measure.containmentKind());
    TriageView.put(view, "description", measure.description());
    TriageView.put(view, "owner", measure.owner());
    TriageView.put(view, "dueAt", measure.dueAt());
    TriageView.put(view, "status", measure.status());
    TriageView.put(view, "control", measure.control());
    if (measure.effectiveness() != null) {
      TriageView.put(view, "effectiveness.result", measure.effectiveness().result());
      TriageView.put(view, "effectiveness.note", measure.effectiveness().note());
      TriageView.put(view, "effectiveness.checkedBy", measure.effectiveness().checkedBy());
    }
    return view;
  }
}
