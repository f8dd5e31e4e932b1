package org.meldekette.http;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.meldekette.auth.Unauthenticated;
import org.meldekette.domain.Conflict;
import org.meldekette.domain.Forbidden;
import org.meldekette.domain.InvalidInput;
import org.meldekette.domain.NotFound;
import org.meldekette.domain.StaleVersion;
import org.meldekette.log.StructuredLog;
import org.meldekette.log.StructuredLog.Severity;
import org.meldekette.store.StoreUnavailable;

/**
 * What every HTTP function does around its own work: turns refusals into JSON errors with the right
 * status, a lost Firestore into 503 (the caller may retry), anything unexpected into 500, and
 * writes one log line per request with method, path, status and latency. The path holds IDs only;
 * the query string, body and client address are never logged.
 */
public abstract class ApiFunction implements HttpFunction {
  private static final long MAX_DRAIN_BYTES = 1024 * 1024;
  private final String name;
  private final StructuredLog log;

  protected ApiFunction(String name, StructuredLog log) {
    this.name = name;
    this.log = log;
  }

  protected StructuredLog log() {
    return log;
  }

  /**
   * Does the function's work; {@code labels} collects IDs (incident, event type) for the log line.
   */
  protected abstract void handle(HttpRequest request, Reply reply, Map<String, String> labels)
      throws Exception;

  @Override
  public final void service(HttpRequest request, HttpResponse response) throws Exception {
    long started = System.nanoTime();
    Reply reply = new Reply(response);
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("function", name);
    Map<String, Object> fields = new LinkedHashMap<>();
    Severity severity = Severity.INFO;
    try {
      handle(request, reply, labels);
    } catch (ApiException e) {
      reply.error(e);
    } catch (InvalidInput e) {
      reply.error(ApiException.of(e));
    } catch (Conflict e) {
      reply.error(
          new ApiException(
              409,
              e.code(),
              e.getMessage(),
              null,
              e.unmet().isEmpty() ? null : Map.of("unmet", e.unmet())));
    } catch (NotFound e) {
      reply.error(ApiException.of(e));
    } catch (StaleVersion e) {
      reply.header("ETag", ETags.of(e.current()));
      reply.error(new ApiException(412, "STALE_VERSION", e.getMessage()));
    } catch (Unauthenticated e) {
      reply.header("WWW-Authenticate", "Bearer");
      reply.error(new ApiException(401, "UNAUTHENTICATED", e.getMessage()));
    } catch (Forbidden e) {
      reply.error(ApiException.of(e));
    } catch (StoreUnavailable e) {
      severity = Severity.ERROR;
      fields.put("exception", describe(e));
      reply.header("Retry-After", "5");
      reply.error(
          new ApiException(
              503, "STORE_UNAVAILABLE", "the database is not reachable; try again shortly"));
    } catch (RuntimeException e) {
      severity = Severity.ERROR;
      fields.put("exception", describe(e));
      reply.error(
          new ApiException(500, "INTERNAL", "an unexpected error occurred; it has been logged"));
    }
    if (reply.errorCode() != null) {
      labels.put("errorCode", reply.errorCode());
    }
    fields.put(
        "httpRequest",
        Map.of(
            "requestMethod", request.getMethod(),
            "status", reply.status(),
            "latency", String.format("%.3fs", (System.nanoTime() - started) / 1e9)));
    log.write(
        severity,
        request.getMethod() + " " + request.getPath() + " " + reply.status(),
        labels,
        fields,
        request
            .getFirstHeader("X-Cloud-Trace-Context")
            .orElse(request.getFirstHeader("traceparent").orElse(null)));
    drainBody(request);
    reply.send();
  }

  /**
   * Reads what is left of a body the function refused before reading it (a 403, say), so the server
   * can keep the connection open for the client's next request instead of closing it under the
   * client's feet.
   */
  private static void drainBody(HttpRequest request) {
    try (InputStream in = request.getInputStream()) {
      in.skip(MAX_DRAIN_BYTES);
    } catch (IOException | RuntimeException ignored) {
      // the server closes the connection instead, which clients survive
    }
  }

  /**
   * An exception for the log without its message: messages of library exceptions may quote the
   * input, and the input may hold personal data. The type and where it was thrown are enough to
   * find the cause.
   */
  static Map<String, Object> describe(Throwable e) {
    Map<String, Object> described = new LinkedHashMap<>();
    described.put("type", e.getClass().getName());
    described.put(
        "at", Arrays.stream(e.getStackTrace()).limit(8).map(StackTraceElement::toString).toList());
    if (e.getCause() != null && e.getCause() != e) {
      described.put("cause", describe(e.getCause()));
    }
    return described;
  }
}
