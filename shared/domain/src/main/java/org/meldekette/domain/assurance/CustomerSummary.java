package org.meldekette.domain.assurance;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.meldekette.domain.Audience;
import org.meldekette.domain.AuditVerification;
import org.meldekette.domain.Incident;
import org.meldekette.domain.Measure;
import org.meldekette.domain.deadline.Deadline;
import org.meldekette.domain.report.IncidentFile;

/**
 * An incident as a customer's auditor may see it: what kind of incident it was, when it was
 * detected, contained, restored and closed, which notifications were made (to whom and when), how
 * many measures of each kind and whether they worked, how each clock was kept, and whether its
 * audit trail is intact. Built from codes, times and counts only: no title, no free text, no
 * reporter, no contents of any communication, so nothing a person typed about someone can reach a
 * customer through it.
 */
public final class CustomerSummary {
  private CustomerSummary() {}

  /** The audiences whose notifications a customer may learn were made (not their contents). */
  private static final Set<Audience> SHOWN =
      EnumSet.of(
          Audience.SUPERVISORY_AUTHORITY,
          Audience.DATA_SUBJECTS,
          Audience.CUSTOMERS,
          Audience.COMPETENT_AUTHORITY,
          Audience.CONTROLLER,
          Audience.PRESS);

  public static Map<String, Object> of(
      IncidentFile file, List<AuditVerification.Result> audit, Instant now) {
    Incident incident = file.incident();
    var triage = incident.triage();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("incidentId", incident.id());
    summary.put(
        "classification",
        triage == null || triage.classification() == null ? null : triage.classification().name());
    summary.put(
        "severity", triage == null || triage.severity() == null ? null : triage.severity().name());
    summary.put("source", incident.source().name());
    summary.put("phase", incident.phase().name());
    summary.put("detectedAt", text(incident.detectedAt()));
    summary.put("triagedAt", text(incident.milestones().triagedAt()));
    summary.put("containedAt", text(IncidentMetrics.containedAt(file)));
    summary.put("operationRestoredAt", text(incident.milestones().operationRestoredAt()));
    summary.put("closedAt", text(incident.closedAt()));
    summary.put("closure", incident.closure() == null ? null : incident.closure().name());
    summary.put(
        "notifications",
        file.communications().stream()
            .filter(c -> SHOWN.contains(c.audience()))
            .map(c -> Map.of("audience", c.audience().name(), "sentAt", c.sentAt().toString()))
            .toList());
    Map<String, Map<String, Integer>> measures = new TreeMap<>();
    for (Measure m : file.measures()) {
      Map<String, Integer> counts = measures.computeIfAbsent(m.type().name(), k -> new TreeMap<>());
      counts.merge(m.status().name(), 1, Integer::sum);
      if (m.effectiveness() != null) {
        counts.merge(m.effectiveness().result().name(), 1, Integer::sum);
      }
    }
    summary.put("measures", measures);
    summary.put(
        "deadlines",
        file.deadlines().stream()
            .map(
                (Deadline d) ->
                    Map.of(
                        "clock", d.stage().key(),
                        "label", d.stage().label(),
                        "status", d.status(now).name()))
            .toList());
    boolean intact = audit.stream().allMatch(AuditVerification.Result::intact);
    Map<String, Object> trail = new LinkedHashMap<>();
    trail.put("intact", intact);
    trail.put("events", audit.stream().mapToLong(AuditVerification.Result::events).sum());
    trail.put(
        "heads",
        audit.stream()
            .map(
                r -> {
                  Map<String, Object> head = new LinkedHashMap<>();
                  head.put("stream", r.stream());
                  head.put("head", r.head());
                  return head;
                })
            .toList());
    summary.put("auditTrail", trail);
    return summary;
  }

  private static String text(Instant at) {
    return at == null ? null : at.toString();
  }
}
