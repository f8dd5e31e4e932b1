package org.meldekette.http;

import com.google.cloud.functions.HttpRequest;
import java.util.List;
import java.util.Set;

/**
 * Cross-origin rules for the public report endpoint: only the configured form origins may call it
 * from a browser. A request without an Origin header (curl, a server) is not a browser's cross-site
 * request and passes; one from any other origin is refused, so another site cannot post reports
 * through its visitors.
 */
public final class CorsPolicy {
  private final Set<String> allowedOrigins;
  private final String allowedMethods;
  private final String allowedHeaders;

  public CorsPolicy(List<String> allowedOrigins, String allowedMethods, String allowedHeaders) {
    this.allowedOrigins = Set.copyOf(allowedOrigins);
    this.allowedMethods = allowedMethods;
    this.allowedHeaders = allowedHeaders;
  }

  /** Answers a preflight: 204 with the allowance for a configured origin, 403 for any other. */
  public void preflight(HttpRequest request, Reply reply) {
    reply.header("Vary", "Origin");
    String origin = request.getFirstHeader("Origin").orElse(null);
    if (origin == null || !allowedOrigins.contains(origin)) {
      throw notAllowed();
    }
    allow(origin, reply);
    reply.header("Access-Control-Allow-Methods", allowedMethods);
    reply.header("Access-Control-Allow-Headers", allowedHeaders);
    reply.header("Access-Control-Max-Age", "600");
    reply.empty(204);
  }

  /**
   * For an actual request: refuses a foreign origin, allows a configured one to read the answer.
   */
  public void check(HttpRequest request, Reply reply) {
    reply.header("Vary", "Origin");
    String origin = request.getFirstHeader("Origin").orElse(null);
    if (origin == null) {
      return;
    }
    if (!allowedOrigins.contains(origin)) {
      throw notAllowed();
    }
    allow(origin, reply);
  }

  private static void allow(String origin, Reply reply) {
    reply.header("Access-Control-Allow-Origin", origin);
  }

  private static ApiException notAllowed() {
    return new ApiException(
        403, "ORIGIN_NOT_ALLOWED", "this origin may not call the report endpoint");
  }
}
