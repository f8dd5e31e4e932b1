package org.meldekette.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Routes {@code METHOD /path/{param}/...} to handlers. An unknown path is 404; a known path with
 * another method is 405 with the Allow header, so clients learn that, for example, evidence has no
 * DELETE.
 */
public final class Router<C> {
  /** Handles one route, given the call context and the path parameters. */
  @FunctionalInterface
  public interface Handler<C> {
    void handle(C call, Map<String, String> params) throws Exception;
  }

  private record Route<C>(
      String method, String[] segments, Handler<C> handler, boolean confirmsMember) {}

  private final List<Route<C>> routes = new ArrayList<>();

  public Router<C> on(String method, String pattern, Handler<C> handler) {
    routes.add(new Route<>(method, split(pattern), handler, false));
    return this;
  }

  /**
   * A route whose handler makes its change in one transaction that confirms the calling member
   * there (incident-lifecycle's {@code IncidentStore.update}): its caller may be let in on the
   * member as the instance recently read them.
   */
  public Router<C> onConfirmedChange(String method, String pattern, Handler<C> handler) {
    routes.add(new Route<>(method, split(pattern), handler, true));
    return this;
  }

  /** Whether {@code METHOD path} goes to a route registered with {@link #onConfirmedChange}. */
  public boolean confirmsMember(String method, String path) {
    String[] segments = split(path);
    // the route dispatch would pick: the first that matches
    return routes.stream()
        .filter(route -> route.method().equals(method) && match(route.segments(), segments) != null)
        .findFirst()
        .map(Route::confirmsMember)
        .orElse(false);
  }

  /** The routes registered with {@link #onConfirmedChange}, as {@link #routes} names them. */
  public java.util.Set<String> confirmedChangeRoutes() {
    return names(Route::confirmsMember);
  }

  private java.util.Set<String> names(java.util.function.Predicate<Route<C>> which) {
    java.util.Set<String> all = new TreeSet<>();
    routes.stream()
        .filter(which)
        .forEach(route -> all.add(route.method() + " /" + String.join("/", route.segments())));
    return all;
  }

  /**
   * Every route, as {@code METHOD /path/{param}}: what the API description must declare, and no
   * more.
   */
  public java.util.Set<String> routes() {
    return names(route -> true);
  }

  public void dispatch(String method, String path, C call, Reply reply) throws Exception {
    String[] segments = split(path);
    TreeSet<String> allowed = new TreeSet<>();
    for (Route<C> route : routes) {
      Map<String, String> params = match(route.segments(), segments);
      if (params == null) {
        continue;
      }
      if (route.method().equals(method)) {
        route.handler().handle(call, params);
        return;
      }
      allowed.add(route.method());
    }
    if (allowed.isEmpty()) {
      throw new ApiException(404, "NOT_FOUND", "no such resource: " + path);
    }
    reply.header("Allow", String.join(", ", allowed));
    throw new ApiException(
        405, "METHOD_NOT_ALLOWED", method + " is not allowed here; allowed: " + allowed);
  }

  private static Map<String, String> match(String[] pattern, String[] path) {
    if (pattern.length != path.length) {
      return null;
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < pattern.length; i++) {
      if (pattern[i].startsWith("{")) {
        params.put(pattern[i].substring(1, pattern[i].length() - 1), path[i]);
      } else if (!pattern[i].equals(path[i])) {
        return null;
      }
    }
    return params;
  }

  private static String[] split(String path) {
    return java.util.Arrays.stream(path.split("/"))
        .filter(s -> !s.isEmpty())
        .toArray(String[]::new);
  }
}
