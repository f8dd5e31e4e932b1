package org.meldekette.dev;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The local stack's Firebase Hosting, started by {@code ./run-local.sh} on port 5000: serves the
 * public folder with the headers of {@code firebase.json} and passes its function rewrites (the
 * form's {@code /api/report}, the status page's {@code /api/status}) on to the locally running
 * function, path and all. Never deployed.
 *
 * <p>Arguments: port, path of firebase.json, then {@code functionId=url} for each rewritten
 * function.
 */
public final class LocalHosting {
  private static final Map<String, String> CONTENT_TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "ico", "image/x-icon",
          "txt", "text/plain; charset=utf-8");

  /**
   * What a browser sends that the function needs; everything else stays here, as behind Hosting.
   */
  private static final List<String> FORWARDED_REQUEST_HEADERS =
      List.of(
          "Content-Type",
          "Idempotency-Key",
          "Origin",
          "Accept",
          "Accept-Language",
          "User-Agent",
          "Authorization",
          "If-Match");

  private static final Set<String> HOP_BY_HOP =
      Set.of("connection", "keep-alive", "transfer-encoding", "content-length", "date", "upgrade");

  private final HostingConfig config;
  private final Map<String, URI> functions;

  /** The demo members' tokens of the local sign-in, for the console's role picker; or null. */
  private Path tokens;

  /**
   * Origins the headers name that are elsewhere locally: Cloud Storage, which signed URLs point to,
   * is the local stand-in's origin (so the console's Content-Security-Policy lets uploads go
   * there).
   */
  private final Map<String, String> origins = new java.util.LinkedHashMap<>();

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  LocalHosting(HostingConfig config, Map<String, URI> functions) {
    this.config = config;
    this.functions = Map.copyOf(functions);
    for (String functionId : config.functionRewrites().values()) {
      if (!functions.containsKey(functionId)) {
        throw new IllegalArgumentException(
            "firebase.json rewrites to " + functionId + ", but no URL was given for it");
      }
    }
  }

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    HostingConfig config = HostingConfig.read(Path.of(args[1]));
    Map<String, URI> functions = new HashMap<>();
    Map<String, String> origins = new java.util.LinkedHashMap<>();
    Path tokens = null;
    for (int i = 2; i < args.length; i++) {
      String[] pair = args[i].split("=", 2);
      if (pair[0].equals("--tokens")) {
        tokens = Path.of(pair[1]);
      } else if (pair[0].equals("--origin")) {
        String[] fromTo = pair[1].split("=", 2);
        origins.put(fromTo[0], fromTo[1]);
      } else {
        functions.put(pair[0], URI.create(pair[1]));
      }
    }
    LocalHosting hosting = new LocalHosting(config, functions);
    hosting.tokens = tokens;
    hosting.origins.putAll(origins);
    hosting.start(port);
    System.out.println(
        "Local hosting of " + config.publicDir() + " on http://localhost:" + port + "/");
  }

  HttpServer start(int port) throws IOException {
    HttpServer server = LocalHttpServer.create(port);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            String path = exchange.getRequestURI().getPath();
            var function = config.functionFor(path);
            if (path.equals(TOKENS_PATH) && tokens != null) {
              serveTokens(exchange);
            } else if (function.isPresent()) {
              forward(exchange, functions.get(function.get()));
            } else {
              serveFile(exchange, path);
            }
          } catch (IOException | RuntimeException e) {
            System.err.println("local hosting: " + exchange.getRequestURI().getPath() + ": " + e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    server.start();
    return server;
  }

  private String local(String headerValue) {
    String value = headerValue;
    for (Map.Entry<String, String> origin : origins.entrySet()) {
      value = value.replace(origin.getKey(), origin.getValue());
    }
    return value;
  }

  /** Where the console's role picker finds the demo tokens; only the local stack answers it. */
  static final String TOKENS_PATH = "/local-stack/tokens.json";

  private void serveTokens(HttpExchange exchange) throws IOException {
    Map<String, String> byRole = new java.util.TreeMap<>();
    try (var files = Files.list(tokens)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".token")).toList()) {
        String name = file.getFileName().toString();
        byRole.put(
            name.substring(0, name.length() - ".token".length()), Files.readString(file).strip());
      }
    }
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    send(
        exchange,
        200,
        "application/json; charset=utf-8",
        new com.google.gson.Gson().toJson(byRole).getBytes(StandardCharsets.UTF_8));
  }

  private void serveFile(HttpExchange exchange, String path) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    config.headersFor(path).forEach(header -> headers.add(header.name(), local(header.value())));
    String method = exchange.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      headers.set("Allow", "GET, HEAD");
      send(
          exchange,
          405,
          "text/plain; charset=utf-8",
          "method not allowed".getBytes(StandardCharsets.UTF_8));
      return;
    }
    Path file = resolve(path);
    if (file == null) {
      send(
          exchange, 404, "text/plain; charset=utf-8", "not found".getBytes(StandardCharsets.UTF_8));
      return;
    }
    send(exchange, 200, contentType(file), Files.readAllBytes(file));
  }

  /** The file a path names inside the public folder, or null: nothing outside it is ever served. */
  private Path resolve(String path) {
    Path root = config.publicDir().normalize();
    Path file = root.resolve(path.replaceFirst("^/+", "")).normalize();
    if (!file.startsWith(root)) {
      return null;
    }
    if (Files.isDirectory(file)) {
      file = file.resolve("index.html");
    }
    return Files.isRegularFile(file) ? file : null;
  }

  private static String contentType(Path file) {
    String name = file.getFileName().toString();
    String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
  }

  private void forward(HttpExchange exchange, URI target) throws IOException, InterruptedException {
    // As Hosting does: the path goes along, and the caller's address is appended to
    // X-Forwarded-For.
    String path = exchange.getRequestURI().getRawPath().replaceFirst("^/+", "");
    String query = exchange.getRequestURI().getRawQuery();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target.resolve(path + (query == null ? "" : "?" + query)))
            .timeout(Duration.ofSeconds(60))
            .method(
                exchange.getRequestMethod(),
                HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
    for (String name : FORWARDED_REQUEST_HEADERS) {
      String value = exchange.getRequestHeaders().getFirst(name);
      if (value != null) {
        request.header(name, value);
      }
    }
    String forwardedFor = exchange.getRequestHeaders().getFirst("X-Forwarded-For");
    String caller = exchange.getRemoteAddress().getAddress().getHostAddress();
    request.header("X-Forwarded-For", forwardedFor == null ? caller : forwardedFor + ", " + caller);
    HttpResponse<byte[]> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      send(
          exchange,
          502,
          "text/plain; charset=utf-8",
          "the function did not answer".getBytes(StandardCharsets.UTF_8));
      return;
    }
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                values.forEach(value -> exchange.getResponseHeaders().add(name, value));
              }
            });
    byte[] body = response.body();
    exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
