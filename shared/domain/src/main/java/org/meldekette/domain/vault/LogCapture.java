package org.meldekette.domain.vault;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.meldekette.domain.VaultFile;

/**
 * A capture of Cloud Logging entries into the vault, read page range by page range (one step per
 * task, so a crash costs one step and nothing is read twice into the result). The evidence appears
 * only when every page was read, joined into one object and hashed.
 */
public record LogCapture(
    String id,
    String incidentId,
    String evidenceId,
    LogCaptureRequest request,
    String requestedBy,
    Instant requestedAt,
    State state,
    int step,
    String pageToken,
    long entries,
    List<Part> parts,
    Instant firstEntryAt,
    Instant lastEntryAt,
    Instant readAt,
    String failure) {

  public enum State {
    /** Pages are being read. */
    RUNNING,
    /** Every page was read; the parts are being joined and hashed. */
    ASSEMBLING,
    /** Recorded as evidence. */
    COMPLETE,
    /** Stopped; nothing was recorded (the failure says why). */
    FAILED
  }

  /** The entries one step read, staged as one gzip member. */
  public record Part(String object, long entries, long bytes, Instant first, Instant last) {}

  public LogCapture {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(evidenceId, "evidenceId");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(state, "state");
    parts = parts == null ? List.of() : List.copyOf(parts);
  }

  public static LogCapture start(
      String id,
      String incidentId,
      String evidenceId,
      LogCaptureRequest request,
      String requestedBy,
      Instant now) {
    return new LogCapture(
        id,
        incidentId,
        evidenceId,
        request,
        requestedBy,
        now,
        State.RUNNING,
        0,
        null,
        0,
        List.of(),
        null,
        null,
        null,
        null);
  }

  /**
   * After step {@link #step} read {@code part}: the next step, or assembling when there is no next
   * page, or failed when the capture would exceed {@code maxEntries}.
   */
  public LogCapture read(Part part, String nextPageToken, long maxEntries, Instant now) {
    long total = entries + part.entries();
    if (total > maxEntries) {
      return failed(
          "more than "
              + maxEntries
              + " entries match; narrow the filter or the window and capture again",
          now);
    }
    List<Part> all = new ArrayList<>(parts);
    if (part.entries() > 0) {
      all.add(part);
    }
    boolean last = nextPageToken == null || nextPageToken.isEmpty();
    return new LogCapture(
        id,
        incidentId,
        evidenceId,
        request,
        requestedBy,
        requestedAt,
        last ? State.ASSEMBLING : State.RUNNING,
        step + 1,
        last ? null : nextPageToken,
        total,
        all,
        firstEntryAt == null ? part.first() : firstEntryAt,
        part.last() == null ? lastEntryAt : part.last(),
        last ? now : null,
        null);
  }

  public LogCapture failed(String reason, Instant now) {
    return new LogCapture(
        id,
        incidentId,
        evidenceId,
        request,
        requestedBy,
        requestedAt,
        State.FAILED,
        step,
        null,
        entries,
        parts,
        firstEntryAt,
        lastEntryAt,
        now,
        reason);
  }

  public LogCapture completed() {
    return new LogCapture(
        id,
        incidentId,
        evidenceId,
        request,
        requestedBy,
        requestedAt,
        State.COMPLETE,
        step,
        null,
        entries,
        parts,
        firstEntryAt,
        lastEntryAt,
        readAt,
        null);
  }

  /**
   * The manifest written beside the entries: what was captured, how, by whom, and the SHA-256 of
   * the entries' object. Built from the capture alone, so writing it again gives the same bytes.
   */
  public Map<String, Object> manifest(VaultFile entriesFile) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("manifestVersion", 1);
    m.put("incidentId", incidentId);
    m.put("evidenceId", evidenceId);
    m.put("captureId", id);
    m.put("source", request.source().name());
    m.put("method", "logging.entries.list, ordered by timestamp ascending");
    m.put("filter", request.filter());
    m.put("boundedFilter", request.boundedFilter());
    m.put("from", request.from().toString());
    m.put("to", request.to().toString());
    m.put("requestedBy", requestedBy);
    m.put("requestedAt", requestedAt.toString());
    m.put("readAt", readAt == null ? null : readAt.toString());
    m.put("entryCount", entries);
    m.put("firstEntryAt", firstEntryAt == null ? null : firstEntryAt.toString());
    m.put("lastEntryAt", lastEntryAt == null ? null : lastEntryAt.toString());
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("object", entriesFile.object());
    file.put("sha256", entriesFile.sha256());
    file.put("size", entriesFile.size());
    file.put("contentType", entriesFile.contentType());
    file.put("format", "one Cloud Logging LogEntry as JSON per line, gzip (several members)");
    m.put("files", List.of(file));
    return m;
  }
}
