package org.meldekette.lifecycle;

import com.google.gson.JsonElement;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.meldekette.domain.Forbidden;
import org.meldekette.domain.NotFound;
import org.meldekette.http.ApiException;
import org.meldekette.http.Reply;
import org.meldekette.http.Router;
import org.meldekette.http.StaffCall;
import org.meldekette.json.Json;

/**
 * {@code GET /incidents/{id}?include=measures,evidence,...}: the incident with the answers of the
 * sub-resources named, each exactly as {@code GET /incidents/{id}/<part>} would answer it (the same
 * handler, so the same roles, need-to-know and audited reads), read at the same time. The console's
 * incident page needs a dozen of them; one request instead of twelve saves eleven sign-in checks,
 * member reads and round trips through Hosting. A part the caller may not see or that does not
 * exist is embedded as its 403 or 404; any other failure fails the whole answer.
 */
final class IncludedReads {
  /** A sub-resource that may be included: its handler and the query it is read with. */
  record Part(Router.Handler<StaffCall> handler, String query) {}

  private static final int MAX_PARALLEL = 16;

  private final Router.Handler<StaffCall> incident;
  private final Map<String, Part> parts;
  private final ExecutorService readers =
      Executors.newFixedThreadPool(
          MAX_PARALLEL,
          task -> {
            Thread thread = new Thread(task, "included-read");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * @param incident the handler of {@code GET /incidents/{id}}
   * @param parts by name as in {@code include}: the path below the incident, such as {@code
   *     audit/verify} for {@code audit-verification}
   */
  IncludedReads(Router.Handler<StaffCall> incident, Map<String, Part> parts) {
    this.incident = incident;
    this.parts = Map.copyOf(parts);
  }

  void get(StaffCall call, Map<String, String> params) throws Exception {
    Set<String> names = names(call.query("include"));
    if (names.isEmpty()) {
      incident.handle(call, params);
      return;
    }
    call.incidentId(params); // labels the request's log line, as the incident's own read does
    Future<Kept> own = readers.submit(() -> read(call, incident, "", params));
    Map<String, Future<Kept>> pending = new LinkedHashMap<>();
    for (String name : names) {
      Part part = parts.get(name);
      pending.put(name, readers.submit(() -> read(call, part.handler(), part.query(), params)));
    }
    Kept answer = await(own);
    if (answer.status() != 200) {
      // The incident itself refused: answer as GET /incidents/{id} would.
      throw answer.refusal();
    }
    Map<String, Object> included = new LinkedHashMap<>();
    for (Map.Entry<String, Future<Kept>> part : pending.entrySet()) {
      Kept kept = await(part.getValue());
      included.put(part.getKey(), Map.of("status", kept.status(), "body", kept.body()));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    answer.body().getAsJsonObject().entrySet().forEach(e -> body.put(e.getKey(), e.getValue()));
    body.put("included", included);
    call.reply().header("ETag", answer.etag());
    call.reply().json(200, body);
  }

  private Set<String> names(String include) {
    Set<String> names = new LinkedHashSet<>();
    if (include == null) {
      return names;
    }
    List<String> unknown = new ArrayList<>();
    for (String name : include.split(",", -1)) {
      String trimmed = name.trim();
      if (parts.containsKey(trimmed)) {
        names.add(trimmed);
      } else {
        unknown.add(trimmed);
      }
    }
    if (!unknown.isEmpty()) {
      throw ApiException.badRequest(
          "include",
          "UNKNOWN_INCLUDE",
          "include names parts of the incident to read along: "
              + unknown
              + " is not one of "
              + new java.util.TreeSet<>(parts.keySet()));
    }
    return names;
  }

  /** An answer read for embedding: status, body and ETag, or the refusal to rethrow. */
  private record Kept(int status, JsonElement body, String etag, ApiException refusal) {}

  private static Kept read(
      StaffCall call, Router.Handler<StaffCall> handler, String query, Map<String, String> params)
      throws Exception {
    KeptResponse response = new KeptResponse();
    Reply reply = new Reply(response);
    StaffCall part =
        new StaffCall(
            new PartRequest(call.request(), query),
            reply,
            call.member(),
            call.confirmation(),
            call.now(),
            new LinkedHashMap<>());
    try {
      handler.handle(part, params);
    } catch (NotFound e) {
      return refused(ApiException.of(e));
    } catch (Forbidden e) {
      return refused(ApiException.of(e));
    } catch (ApiException e) {
      if (e.status() != 403 && e.status() != 404) {
        throw e;
      }
      return refused(e);
    }
    reply.send();
    return new Kept(reply.status(), Json.parse(response.written()), response.header("ETag"), null);
  }

  private static Kept refused(ApiException refusal) throws IOException {
    KeptResponse response = new KeptResponse();
    Reply reply = new Reply(response);
    reply.error(refusal);
    reply.send();
    return new Kept(refusal.status(), Json.parse(response.written()), null, refusal);
  }

  private static Kept await(Future<Kept> read) throws Exception {
    try {
      return read.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }
}
