package org.meldekette.domain.vault;

import java.util.Map;

/**
 * Names of objects in the vault and its staging bucket. They are made from the incident's and the
 * evidence's IDs only, never from what anybody typed (a file's name may hold a person's name), so a
 * listing of the vault discloses nothing and no name can reach outside its incident's folder.
 */
public final class VaultNames {
  private static final Map<String, String> EXTENSIONS =
      Map.ofEntries(
          Map.entry("text/plain", ".txt"),
          Map.entry("text/csv", ".csv"),
          Map.entry("application/json", ".json"),
          Map.entry("application/x-ndjson", ".ndjson"),
          Map.entry("application/gzip", ".gz"),
          Map.entry("application/zip", ".zip"),
          Map.entry("application/pdf", ".pdf"),
          Map.entry("image/png", ".png"),
          Map.entry("image/jpeg", ".jpg"),
          Map.entry("application/vnd.tcpdump.pcap", ".pcap"),
          Map.entry("message/rfc822", ".eml"),
          Map.entry("application/octet-stream", ".bin"));

  private VaultNames() {}

  /** The folder of an incident's evidence: what holds are placed on. */
  public static String incidentFolder(String incidentId) {
    return "incidents/" + incidentId + "/";
  }

  /** An uploaded file: {@code incidents/INC…/EVD…/file.pdf}. */
  public static String upload(String incidentId, String evidenceId, String contentType) {
    return incidentFolder(incidentId) + evidenceId + "/file" + extension(contentType);
  }

  public static String captureEntries(String incidentId, String evidenceId) {
    return incidentFolder(incidentId) + evidenceId + "/log-entries.ndjson.gz";
  }

  public static String captureManifest(String incidentId, String evidenceId) {
    return incidentFolder(incidentId) + evidenceId + "/manifest.json";
  }

  /** Where the browser uploads to, before Meldekette checked the bytes and moved them in. */
  public static String stagedUpload(String incidentId, String uploadId) {
    return "uploads/" + incidentId + "/" + uploadId;
  }

  /** One page range of a capture, before the pages are joined into one object. */
  public static String stagedCapturePart(String captureId, int step) {
    return "captures/" + captureId + "/part-" + String.format("%05d", step) + ".ndjson.gz";
  }

  /** The content types a file may be uploaded as (none that a browser would run). */
  public static boolean isAllowedType(String contentType) {
    return EXTENSIONS.containsKey(contentType);
  }

  public static java.util.Set<String> allowedTypes() {
    return new java.util.TreeSet<>(EXTENSIONS.keySet());
  }

  private static String extension(String contentType) {
    return EXTENSIONS.getOrDefault(contentType, ".bin");
  }
}
