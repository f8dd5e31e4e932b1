package org.meldekette.domain.vault;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.meldekette.domain.EvidenceSource;
import org.meldekette.domain.Incident;

/**
 * Ready-made captures for an incident: the forensic sources the process names (VPC Flow Logs, Cloud
 * Audit Logs, the functions' own logs) and the incident's affected systems, over the window from a
 * day before detection until now.
 */
public final class CapturePresets {
  /** How far before detection a capture reaches by default: the attacker was there before. */
  public static final Duration BEFORE_DETECTION = Duration.ofHours(24);

  /** A preset: its name, the source it records as and its filter. */
  public record Preset(String name, EvidenceSource source, String filter) {}

  /** The presets and the window they are offered with. */
  public record Offer(Instant from, Instant to, List<Preset> presets) {}

  private CapturePresets() {}

  public static Offer forIncident(
      String projectId, List<String> functions, Incident incident, Instant now) {
    List<Preset> presets = new ArrayList<>();
    presets.add(
        new Preset(
            "VPC_FLOW_LOGS",
            EvidenceSource.VPC_FLOW_LOGS,
            "logName=\"" + logName(projectId, "compute.googleapis.com/vpc_flows") + "\""));
    presets.add(
        new Preset(
            "ADMIN_ACTIVITY",
            EvidenceSource.AUDIT_EVENTS,
            "logName=\"" + logName(projectId, "cloudaudit.googleapis.com/activity") + "\""));
    presets.add(
        new Preset(
            "DATA_ACCESS",
            EvidenceSource.AUDIT_EVENTS,
            "logName=\"" + logName(projectId, "cloudaudit.googleapis.com/data_access") + "\""));
    presets.add(
        new Preset(
            "FUNCTIONS",
            EvidenceSource.CLOUD_LOGGING,
            "resource.type=\"cloud_run_revision\" AND " + anyService(functions)));
    List<String> systems =
        incident.triage() == null ? List.of() : incident.triage().affectedSystems();
    if (!systems.isEmpty()) {
      // Affected systems are named as their services are; the member edits the filter otherwise.
      presets.add(
          new Preset("AFFECTED_SYSTEMS", EvidenceSource.CLOUD_LOGGING, anyService(systems)));
    }
    Instant detected = incident.detectedAt() == null ? incident.createdAt() : incident.detectedAt();
    Instant to = now.truncatedTo(ChronoUnit.SECONDS);
    Instant from = detected.minus(BEFORE_DETECTION).truncatedTo(ChronoUnit.SECONDS);
    return new Offer(from.isBefore(to) ? from : to.minus(BEFORE_DETECTION), to, presets);
  }

  /** A log's full name: its ID URL-encoded, as Cloud Logging writes it. */
  static String logName(String projectId, String logId) {
    return "projects/" + projectId + "/logs/" + logId.replace("/", "%2F");
  }

  private static String anyService(List<String> names) {
    List<String> terms = new ArrayList<>();
    for (String name : names) {
      terms.add("resource.labels.service_name=\"" + quoted(name) + "\"");
    }
    return "(" + String.join(" OR ", terms) + ")";
  }

  private static String quoted(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
