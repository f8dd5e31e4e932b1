package org.meldekette.vault;

import com.google.gson.GsonBuilder;
import com.google.logging.v2.LogEntry;
import com.google.protobuf.util.Timestamps;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.meldekette.domain.Actor;
import org.meldekette.domain.CustodyEntry;
import org.meldekette.domain.Evidence;
import org.meldekette.domain.VaultFile;
import org.meldekette.domain.lifecycle.RecordRules;
import org.meldekette.domain.vault.LogCapture;
import org.meldekette.domain.vault.VaultNames;
import org.meldekette.store.IncidentStore;
import org.meldekette.store.VaultStore;
import org.meldekette.tasks.TaskQueue;
import org.meldekette.tasks.VaultTask;

/**
 * Runs a capture, one task per step. A step reads a run of pages from Cloud Logging into one staged
 * gzip member and moves the capture on in one transaction, then queues the next step; a crash
 * before that commit repeats the step, a crash after it finds the next step queued or queues it.
 * The last step joins the members into one object in the vault (gzip allows members in a row),
 * writes the manifest, and records both as one piece of evidence, once.
 */
final class CaptureSteps {
  private static final String SERVICE = "evidence-vault";

  private final VaultStore store;
  private final IncidentStore incidents;
  private final LogEntriesSource logs;
  private final VaultStorage storage;
  private final TaskQueue tasks;
  private final VaultHoldKeeper holds;
  private final VaultSettings settings;
  private final Clock clock;

  CaptureSteps(
      VaultStore store,
      IncidentStore incidents,
      LogEntriesSource logs,
      VaultStorage storage,
      TaskQueue tasks,
      VaultHoldKeeper holds,
      VaultSettings settings,
      Clock clock) {
    this.store = store;
    this.incidents = incidents;
    this.logs = logs;
    this.storage = storage;
    this.tasks = tasks;
    this.holds = holds;
    this.settings = settings;
    this.clock = clock;
  }

  /** Step {@code step} of a capture, as its task asks; any repeat of a task is harmless. */
  void run(String incidentId, String captureId, int step) throws Exception {
    LogCapture capture = store.capture(incidentId, captureId).orElse(null);
    if (capture == null) {
      return;
    }
    if (capture.state() == LogCapture.State.RUNNING) {
      if (capture.step() != step) {
        // A repeat of an earlier step: see that the chain goes on from where it stands.
        tasks.create(VaultTask.captureStep(incidentId, captureId, capture.step(), clock.instant()));
        return;
      }
      capture = store.advance(capture, read(capture));
      if (capture.state() == LogCapture.State.RUNNING) {
        tasks.create(VaultTask.captureStep(incidentId, captureId, capture.step(), clock.instant()));
        return;
      }
    }
    if (capture.state() == LogCapture.State.ASSEMBLING) {
      assemble(capture);
    }
  }

  /** Reads the step's pages into one staged gzip member; gives the capture moved on. */
  private LogCapture read(LogCapture capture) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    String token = capture.pageToken();
    long entries = 0;
    Instant first = null;
    Instant last = null;
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      for (int page = 0; page < settings.pagesPerStep(); page++) {
        LogEntriesSource.Page read =
            logs.read(capture.request().boundedFilter(), token, LogEntriesSource.PAGE_SIZE);
        for (LogEntry entry : read.entries()) {
          gzip.write((LogEntryJson.line(entry) + "\n").getBytes(StandardCharsets.UTF_8));
          Instant at = Instant.ofEpochMilli(Timestamps.toMillis(entry.getTimestamp()));
          first = first == null ? at : first;
          last = at;
          entries++;
        }
        token = read.nextPageToken();
        if (token.isEmpty() || capture.entries() + entries > settings.maxCaptureEntries()) {
          break;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String part = VaultNames.stagedCapturePart(capture.id(), capture.step());
    if (entries > 0) {
      storage.writeStaged(part, "application/gzip", bytes.toByteArray());
    }
    return capture.read(
        new LogCapture.Part(part, entries, bytes.size(), first, last),
        token,
        settings.maxCaptureEntries(),
        clock.instant());
  }

  private void assemble(LogCapture capture) throws Exception {
    Instant now = clock.instant();
    String incidentId = capture.incidentId();
    store.hasObjects(incidentId, now);
    Map<String, String> metadata =
        Map.of(
            "incidentId", incidentId,
            "evidenceId", capture.evidenceId(),
            "captureId", capture.id(),
            "collectedBy", capture.requestedBy());
    String entriesName = VaultNames.captureEntries(incidentId, capture.evidenceId());
    VaultStorage.Stored data =
        storage.writeVault(entriesName, "application/gzip", metadata, out -> join(capture, out));
    VaultFile entriesFile =
        new VaultFile(
            entriesName,
            VaultFile.Role.LOG_ENTRIES,
            null,
            data.sha256(),
            data.size(),
            "application/gzip");
    byte[] manifest =
        new GsonBuilder()
            .setPrettyPrinting()
            .serializeNulls()
            .create()
            .toJson(capture.manifest(entriesFile))
            .getBytes(StandardCharsets.UTF_8);
    String manifestName = VaultNames.captureManifest(incidentId, capture.evidenceId());
    VaultStorage.Stored written =
        storage.writeVault(manifestName, "application/json", metadata, out -> out.write(manifest));
    VaultFile manifestFile =
        new VaultFile(
            manifestName,
            VaultFile.Role.MANIFEST,
            null,
            written.sha256(),
            written.size(),
            "application/json");
    Evidence evidence =
        new Evidence(
            capture.evidenceId(),
            capture.request().source(),
            "gs://" + storage.vaultBucket() + "/" + manifestName,
            written.sha256(),
            capture.request().description(),
            capture.requestedBy(),
            capture.readAt(),
            now,
            List.of(manifestFile, entriesFile));
    CustodyEntry collected =
        new CustodyEntry(
            1,
            CustodyEntry.Action.COLLECTED,
            capture.requestedBy(),
            capture.readAt(),
            "captured from Cloud Logging by Meldekette: "
                + capture.entries()
                + " entries; filter, window and hashes in the manifest");
    incidents.updateCurrent(
        incidentId,
        (tx, incident) -> {
          if (tx.evidence(evidence.id()).isPresent()) {
            return null;
          }
          tx.createEvidence(evidence);
          tx.appendCustody(evidence.id(), collected);
          return tx.apply(
              RecordRules.evidenceAdded(incident, evidence, Actor.service(SERVICE), now));
        });
    store.advance(capture, capture.completed());
    holds.syncQuietly(incidentId, now);
    for (LogCapture.Part part : capture.parts()) {
      storage.deleteStaged(part.object());
    }
  }

  /** The staged members in order; none at all is one empty member (still a gzip file). */
  private void join(LogCapture capture, OutputStream out) throws IOException {
    if (capture.parts().isEmpty()) {
      try (GZIPOutputStream empty = new GZIPOutputStream(nonClosing(out))) {
        empty.finish();
      }
      return;
    }
    for (LogCapture.Part part : capture.parts()) {
      try (InputStream in = storage.openStaged(part.object())) {
        in.transferTo(out);
      }
    }
  }

  private static OutputStream nonClosing(OutputStream out) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }
}
