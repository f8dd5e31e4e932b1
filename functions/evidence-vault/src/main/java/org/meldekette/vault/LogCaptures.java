package org.meldekette.vault;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.meldekette.domain.EvidenceSource;
import org.meldekette.domain.Incident;
import org.meldekette.domain.RecordIds;
import org.meldekette.domain.Role;
import org.meldekette.domain.vault.CapturePresets;
import org.meldekette.domain.vault.LogCapture;
import org.meldekette.domain.vault.LogCaptureRequest;
import org.meldekette.http.JsonFields;
import org.meldekette.http.StaffCall;
import org.meldekette.store.IncidentQueries;
import org.meldekette.store.VaultStore;
import org.meldekette.tasks.TaskQueue;
import org.meldekette.tasks.VaultTask;

/**
 * "Secure logs" on an incident: the presets offered for it, starting a capture (checked at once:
 * the window, and the filter by Cloud Logging itself), and the captures with their progress. The
 * reading runs as tasks ({@link CaptureSteps}).
 */
final class LogCaptures {
  private static final Set<String> START = Set.of("filter", "from", "to", "source", "description");

  private final VaultStore store;
  private final IncidentQueries queries;
  private final LogEntriesSource logs;
  private final TaskQueue tasks;
  private final VaultSettings settings;
  private final RecordIds ids;

  LogCaptures(
      VaultStore store,
      IncidentQueries queries,
      LogEntriesSource logs,
      TaskQueue tasks,
      VaultSettings settings,
      RecordIds ids) {
    this.store = store;
    this.queries = queries;
    this.logs = logs;
    this.tasks = tasks;
    this.settings = settings;
    this.ids = ids;
  }

  /** {@code GET /incidents/{id}/captures/presets}. */
  void presets(StaffCall call, Map<String, String> params) throws IOException {
    call.require(StaffCall.STAFF);
    Incident incident = queries.get(call.incidentId(params));
    call.requireNeedToKnow(incident, "an incident's evidence");
    CapturePresets.Offer offer =
        CapturePresets.forIncident(settings.project(), settings.functions(), incident, call.now());
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("from", offer.from());
    view.put("to", offer.to());
    view.put("maxWindowDays", settings.maxCaptureWindow().toDays());
    view.put("maxEntries", settings.maxCaptureEntries());
    view.put("presets", offer.presets());
    call.reply().json(200, view);
  }

  /**
   * {@code POST /incidents/{id}/captures}; with an {@code Idempotency-Key}, a repeat gives the
   * capture the first request started.
   */
  void start(StaffCall call, Map<String, String> params) throws Exception {
    call.require(Role.RESPONDER);
    String id = call.incidentId(params);
    JsonFields body = call.body(START);
    LogCaptureRequest request =
        new LogCaptureRequest(
                body.string("filter"),
                body.instant("from"),
                body.instant("to"),
                body.enumValue("source", EvidenceSource.class),
                body.string("description"))
            .within(settings.maxCaptureWindow(), call.now());
    call.requireNeedToKnow(queries.get(id), "an incident's evidence");
    String key = call.request().getFirstHeader("Idempotency-Key").orElse(null);
    String captureId =
        key == null ? ids.next("CAP") : RecordIds.derived("CAP", id, call.member().email(), key);
    var earlier = store.capture(id, captureId);
    if (earlier.isPresent()) {
      call.reply().json(200, view(earlier.get()));
      return;
    }
    logs.check(request.boundedFilter());
    LogCapture capture =
        LogCapture.start(
            captureId, id, ids.next("EVD"), request, call.member().email(), call.now());
    store.createCapture(capture);
    tasks.create(VaultTask.captureStep(id, captureId, 0, call.now()));
    call.reply().header("Location", "/incidents/" + id + "/captures/" + captureId);
    call.reply().json(202, view(capture));
  }

  /** {@code GET /incidents/{id}/captures}: newest first, with their progress. */
  void list(StaffCall call, Map<String, String> params) throws IOException {
    call.require(StaffCall.STAFF);
    String id = call.incidentId(params);
    call.requireNeedToKnow(queries.get(id), "an incident's evidence");
    call.reply()
        .json(200, Map.of("captures", store.captures(id).stream().map(LogCaptures::view).toList()));
  }

  static Map<String, Object> view(LogCapture c) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", c.id());
    view.put("evidenceId", c.evidenceId());
    view.put("state", c.state());
    view.put("source", c.request().source());
    view.put("filter", c.request().filter());
    view.put("from", c.request().from());
    view.put("to", c.request().to());
    view.put("description", c.request().description());
    view.put("requestedBy", c.requestedBy());
    view.put("requestedAt", c.requestedAt());
    view.put("entries", c.entries());
    view.put("steps", c.step());
    view.put("readAt", c.readAt());
    view.put("failure", c.failure());
    return view;
  }
}
