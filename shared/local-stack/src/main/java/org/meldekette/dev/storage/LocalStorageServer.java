package org.meldekette.dev.storage;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meldekette.dev.LocalHttpServer;
import org.meldekette.dev.storage.Buckets.Refusal;
import org.meldekette.dev.storage.Buckets.StoredObject;

/**
 * A small Cloud Storage for the local stack and the tests, since no emulator can be installed: the
 * JSON API calls {@code google-cloud-storage} makes for what Meldekette does (uploads, reads,
 * copies, holds, deletes, listings) and the XML API a browser uses with V4 signed URLs (a resumable
 * upload started by a signed POST, a signed GET). It enforces what the vault relies on: signatures
 * and expiry, the signed size range, preconditions, holds and retention. Never deployed.
 *
 * <p>Arguments: {@code port signer-key-file bucket[:hold][:retention=P…]…}. The signer's private
 * key is written to {@code signer-key-file} (PKCS#8 PEM) for the functions that sign URLs.
 */
public final class LocalStorageServer implements AutoCloseable {
  private static final Gson GSON = new Gson();
  private static final int MAX_REQUEST_BYTES = 512 * 1024 * 1024;

  private final HttpServer server;
  private final Buckets buckets;
  private final UploadSessions sessions;
  private final V4Signatures signatures;
  private final KeyPair signer;
  private final Clock clock;
  private final String origin;
  private volatile String failing;
  private final java.util.concurrent.atomic.AtomicInteger failuresLeft =
      new java.util.concurrent.atomic.AtomicInteger();

  private LocalStorageServer(int port, Buckets buckets, Clock clock) throws IOException {
    this.buckets = buckets;
    this.sessions = new UploadSessions(buckets);
    this.clock = clock;
    this.signer = rsaKeyPair();
    this.signatures = new V4Signatures(signer.getPublic());
    this.server = LocalHttpServer.create(port);
    this.origin = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts on {@code port} (0: any free one) serving {@code buckets}. */
  public static LocalStorageServer start(int port, Buckets buckets, Clock clock)
      throws IOException {
    return new LocalStorageServer(port, buckets, clock);
  }

  public static void main(String[] args) throws IOException {
    Buckets buckets = new Buckets(Clock.systemUTC());
    for (int i = 2; i < args.length; i++) {
      String[] parts = args[i].split(":");
      boolean hold = false;
      Duration retention = Duration.ZERO;
      for (int p = 1; p < parts.length; p++) {
        if (parts[p].equals("hold")) {
          hold = true;
        } else if (parts[p].startsWith("retention=")) {
          retention = Duration.parse(parts[p].substring("retention=".length()));
        }
      }
      buckets.create(parts[0], new Buckets.Rules(hold, retention));
    }
    LocalStorageServer server = start(Integer.parseInt(args[0]), buckets, Clock.systemUTC());
    Files.writeString(Path.of(args[1]), server.signerKeyPem());
    System.out.println(
        "Local Cloud Storage on "
            + server.origin()
            + " serving "
            + List.of(args).subList(2, args.length));
  }

  /** Where it listens, as a signed URL's host names it: {@code http://127.0.0.1:port}. */
  public String origin() {
    return origin;
  }

  public Buckets buckets() {
    return buckets;
  }

  /** The PKCS#8 PEM of the key whose signatures this server accepts. */
  public String signerKeyPem() {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(signer.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  /**
   * The next {@code count} requests whose path or query contains {@code fragment} fail with a 400
   * the client does not retry: how a test stops a function half-way, as a crash would.
   */
  public void failNext(String fragment, int count) {
    failing = fragment;
    failuresLeft.set(count);
  }

  /** How many of the failures asked for are still to come. */
  public int pendingFailures() {
    return failuresLeft.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      cors(exchange);
      if (exchange.getRequestMethod().equals("OPTIONS")) {
        exchange.sendResponseHeaders(204, -1);
        return;
      }
      try {
        String target =
            URLDecoder.decode(exchange.getRequestURI().toString(), StandardCharsets.UTF_8);
        String fragment = failing;
        if (fragment != null
            && target.contains(fragment)
            && failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          throw new Refusal(400, "simulatedFailure", "the local Cloud Storage fails on purpose");
        }
        route(exchange);
      } catch (Refusal refusal) {
        error(exchange, refusal);
      }
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    // The client's HTTP transport cannot send PATCH and says so in this header instead.
    String override = exchange.getRequestHeaders().getFirst("X-HTTP-Method-Override");
    String method = override == null ? exchange.getRequestMethod() : override;
    String path = exchange.getRequestURI().getRawPath();
    String rawQuery = exchange.getRequestURI().getRawQuery();
    Map<String, String> query = V4Signatures.decode(rawQuery);
    if (path.startsWith("/upload/storage/v1/b/")) {
      jsonUpload(exchange, method, segments(path, "/upload/storage/v1/b/"), query);
    } else if (path.startsWith("/storage/v1/b/") || path.startsWith("/download/storage/v1/b/")) {
      String prefix = path.startsWith("/download/") ? "/download/storage/v1/b/" : "/storage/v1/b/";
      jsonApi(exchange, method, segments(path, prefix), query);
    } else if (query.containsKey("upload_id")) {
      sessionPut(exchange, query.get("upload_id"), false);
    } else if (V4Signatures.isSigned(rawQuery)) {
      signed(exchange, method, path, rawQuery, query);
    } else if (path.equals("/")) {
      send(exchange, 200, "text/plain", "Local Cloud Storage\n".getBytes(StandardCharsets.UTF_8));
    } else {
      throw new Refusal(
          403, "AccessDenied", "Anonymous caller does not have storage.objects.get access");
    }
  }

  /** {@code b/{bucket}/o[/{object}[/rewriteTo/b/{bucket}/o/{object}]]} as decoded segments. */
  private static List<String> segments(String rawPath, String prefix) {
    return List.of(rawPath.substring(prefix.length()).split("/", -1)).stream()
        .map(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8))
        .toList();
  }

  private void jsonApi(
      HttpExchange exchange, String method, List<String> path, Map<String, String> query)
      throws IOException {
    String bucket = path.get(0);
    if (path.size() == 1) {
      buckets.rules(bucket);
      JsonObject b = new JsonObject();
      b.addProperty("kind", "storage#bucket");
      b.addProperty("name", bucket);
      b.addProperty("id", bucket);
      b.addProperty("defaultEventBasedHold", buckets.rules(bucket).defaultEventBasedHold());
      json(exchange, 200, b);
      return;
    }
    if (path.size() == 2 || (path.size() == 3 && path.get(2).isEmpty())) {
      list(exchange, bucket, query);
      return;
    }
    String name = path.get(2);
    if (path.size() == 8 && (path.get(3).equals("rewriteTo") || path.get(3).equals("copyTo"))) {
      StoredObject source = buckets.require(bucket, name);
      StoredObject copy =
          buckets.put(
              path.get(5),
              path.get(7),
              source.data(),
              source.contentType(),
              source.metadata(),
              longOrNull(query.get("ifGenerationMatch")));
      if (path.get(3).equals("copyTo")) {
        json(exchange, 200, object(copy));
        return;
      }
      JsonObject rewrite = new JsonObject();
      rewrite.addProperty("kind", "storage#rewriteResponse");
      rewrite.addProperty("totalBytesRewritten", String.valueOf(copy.data().length));
      rewrite.addProperty("objectSize", String.valueOf(copy.data().length));
      rewrite.addProperty("done", true);
      rewrite.add("resource", object(copy));
      json(exchange, 200, rewrite);
      return;
    }
    switch (method) {
      case "GET" -> {
        StoredObject o = buckets.require(bucket, name);
        if ("media".equals(query.get("alt"))) {
          media(exchange, o);
        } else {
          json(exchange, 200, object(o));
        }
      }
      case "PATCH", "PUT" -> {
        JsonObject body = JsonParser.parseString(body(exchange)).getAsJsonObject();
        json(
            exchange,
            200,
            object(
                buckets.patch(
                    bucket,
                    name,
                    bool(body, "eventBasedHold"),
                    bool(body, "temporaryHold"),
                    metadata(body),
                    longOrNull(query.get("ifMetagenerationMatch")))));
      }
      case "DELETE" -> {
        buckets.delete(bucket, name, longOrNull(query.get("ifGenerationMatch")));
        exchange.sendResponseHeaders(204, -1);
      }
      default ->
          throw new Refusal(405, "methodNotAllowed", method + " " + path + " is not served here");
    }
  }

  private void list(HttpExchange exchange, String bucket, Map<String, String> query)
      throws IOException {
    List<StoredObject> all = buckets.list(bucket, query.get("prefix"));
    int max = query.containsKey("maxResults") ? Integer.parseInt(query.get("maxResults")) : 1000;
    int from = query.containsKey("pageToken") ? Integer.parseInt(query.get("pageToken")) : 0;
    JsonObject page = new JsonObject();
    page.addProperty("kind", "storage#objects");
    JsonArray items = new JsonArray();
    all.stream().skip(from).limit(max).forEach(o -> items.add(object(o)));
    page.add("items", items);
    if (from + max < all.size()) {
      page.addProperty("nextPageToken", String.valueOf(from + max));
    }
    json(exchange, 200, page);
  }

  private void jsonUpload(
      HttpExchange exchange, String method, List<String> path, Map<String, String> query)
      throws IOException {
    String bucket = path.get(0);
    String type = query.getOrDefault("uploadType", "");
    if (method.equals("PUT") && query.containsKey("upload_id")) {
      sessionPut(exchange, query.get("upload_id"), true);
      return;
    }
    Long ifGeneration = longOrNull(query.get("ifGenerationMatch"));
    switch (type) {
      case "resumable" -> {
        String body = body(exchange);
        JsonObject meta =
            body.isBlank() ? new JsonObject() : JsonParser.parseString(body).getAsJsonObject();
        String name = meta.has("name") ? meta.get("name").getAsString() : query.get("name");
        String id =
            sessions.start(
                new UploadSessions.Target(
                    bucket,
                    name,
                    meta.has("contentType") ? meta.get("contentType").getAsString() : null,
                    metadata(meta),
                    ifGeneration,
                    0,
                    Long.MAX_VALUE));
        exchange
            .getResponseHeaders()
            .add(
                "Location",
                origin
                    + "/upload/storage/v1/b/"
                    + V4Signatures.encode(bucket)
                    + "/o?uploadType=resumable&upload_id="
                    + id);
        exchange.sendResponseHeaders(200, -1);
      }
      case "multipart" -> {
        Multipart parts =
            Multipart.parse(exchange.getRequestHeaders().getFirst("Content-Type"), bytes(exchange));
        JsonObject meta = JsonParser.parseString(parts.metadata()).getAsJsonObject();
        StoredObject o =
            buckets.put(
                bucket,
                meta.get("name").getAsString(),
                parts.media(),
                meta.has("contentType") ? meta.get("contentType").getAsString() : parts.mediaType(),
                metadata(meta),
                ifGeneration);
        json(exchange, 200, object(o));
      }
      case "media" -> {
        StoredObject o =
            buckets.put(
                bucket,
                query.get("name"),
                bytes(exchange),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                Map.of(),
                ifGeneration);
        json(exchange, 200, object(o));
      }
      default -> throw new Refusal(400, "invalid", "unknown uploadType " + type);
    }
  }

  private void sessionPut(HttpExchange exchange, String uploadId, boolean jsonApi)
      throws IOException {
    if (!exchange.getRequestMethod().equals("PUT")) {
      throw new Refusal(405, "methodNotAllowed", "an upload session takes PUT");
    }
    UploadSessions.Progress progress =
        sessions.put(
            uploadId, exchange.getRequestHeaders().getFirst("Content-Range"), bytes(exchange));
    if (progress.object() != null) {
      exchange.getResponseHeaders().add("ETag", "\"" + progress.object().md5() + "\"");
      hashHeaders(exchange, progress.object());
      if (jsonApi) {
        json(exchange, 200, object(progress.object()));
      } else {
        exchange.sendResponseHeaders(200, -1);
      }
      return;
    }
    if (progress.persisted() > 0) {
      exchange.getResponseHeaders().add("Range", "bytes=0-" + (progress.persisted() - 1));
    }
    exchange.sendResponseHeaders(308, -1);
  }

  /** The XML API with a V4 signed URL: a resumable upload's start, a simple upload, a download. */
  private void signed(
      HttpExchange exchange,
      String method,
      String rawPath,
      String rawQuery,
      Map<String, String> query)
      throws IOException {
    signatures.verify(
        method,
        rawPath,
        rawQuery,
        name -> exchange.getRequestHeaders().getFirst(name),
        clock.instant());
    String[] parts = rawPath.substring(1).split("/", 2);
    if (parts.length < 2 || parts[1].isEmpty()) {
      throw new Refusal(400, "InvalidArgument", "a signed URL names an object");
    }
    String bucket = parts[0];
    String name = URLDecoder.decode(parts[1].replace("+", "%2B"), StandardCharsets.UTF_8);
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    long[] range = sizeRange(exchange.getRequestHeaders().getFirst("x-goog-content-length-range"));
    Long ifGeneration =
        longOrNull(exchange.getRequestHeaders().getFirst("x-goog-if-generation-match"));
    switch (method) {
      case "POST" -> {
        if (!"start".equals(exchange.getRequestHeaders().getFirst("x-goog-resumable"))) {
          throw new Refusal(400, "InvalidArgument", "a signed POST starts a resumable upload");
        }
        String id =
            sessions.start(
                new UploadSessions.Target(
                    bucket, name, contentType, Map.of(), ifGeneration, range[0], range[1]));
        exchange.getResponseHeaders().add("Location", origin + rawPath + "?upload_id=" + id);
        exchange.sendResponseHeaders(201, -1);
      }
      case "PUT" -> {
        byte[] data = bytes(exchange);
        if (data.length < range[0] || data.length > range[1]) {
          throw new Refusal(
              400, "EntityTooLarge", "the upload's size lies outside the URL's range");
        }
        StoredObject o = buckets.put(bucket, name, data, contentType, Map.of(), ifGeneration);
        hashHeaders(exchange, o);
        exchange.sendResponseHeaders(200, -1);
      }
      case "GET" -> {
        StoredObject o = buckets.require(bucket, name);
        String disposition = query.get("response-content-disposition");
        if (disposition != null) {
          exchange.getResponseHeaders().add("Content-Disposition", disposition);
        }
        media(exchange, o);
      }
      default -> throw new Refusal(405, "MethodNotAllowed", method + " is not served here");
    }
  }

  private static long[] sizeRange(String header) {
    if (header == null) {
      return new long[] {0, Long.MAX_VALUE};
    }
    String[] bounds = header.split(",");
    try {
      return new long[] {Long.parseLong(bounds[0].strip()), Long.parseLong(bounds[1].strip())};
    } catch (RuntimeException e) {
      throw new Refusal(400, "InvalidArgument", "malformed x-goog-content-length-range");
    }
  }

  private void media(HttpExchange exchange, StoredObject o) throws IOException {
    byte[] data = o.data();
    int from = 0;
    int to = data.length - 1;
    String range = exchange.getRequestHeaders().getFirst("Range");
    int status = 200;
    if (range != null && range.startsWith("bytes=")) {
      String[] bounds = range.substring(6).split("-", -1);
      from = Integer.parseInt(bounds[0]);
      if (!bounds[1].isEmpty()) {
        to = (int) Math.min(Long.parseLong(bounds[1]), data.length - 1L);
      }
      if (from >= data.length && data.length > 0) {
        throw new Refusal(416, "requestedRangeNotSatisfiable", "range beyond the object");
      }
      status = 206;
      exchange
          .getResponseHeaders()
          .add("Content-Range", "bytes " + from + "-" + to + "/" + data.length);
    }
    hashHeaders(exchange, o);
    exchange.getResponseHeaders().add("x-goog-generation", String.valueOf(o.generation()));
    exchange.getResponseHeaders().add("x-goog-metageneration", String.valueOf(o.metageneration()));
    exchange.getResponseHeaders().add("x-goog-stored-content-length", String.valueOf(data.length));
    exchange.getResponseHeaders().add("x-goog-stored-content-encoding", "identity");
    exchange.getResponseHeaders().add("Content-Type", o.contentType());
    int length = Math.max(0, to - from + 1);
    exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
    if (length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(data, from, length);
      }
    }
  }

  private static void hashHeaders(HttpExchange exchange, StoredObject o) {
    exchange.getResponseHeaders().add("x-goog-hash", "crc32c=" + o.crc32c());
    exchange.getResponseHeaders().add("x-goog-hash", "md5=" + o.md5());
  }

  private JsonObject object(StoredObject o) {
    JsonObject json = new JsonObject();
    json.addProperty("kind", "storage#object");
    json.addProperty("id", o.bucket() + "/" + o.name() + "/" + o.generation());
    json.addProperty("name", o.name());
    json.addProperty("bucket", o.bucket());
    json.addProperty("generation", String.valueOf(o.generation()));
    json.addProperty("metageneration", String.valueOf(o.metageneration()));
    json.addProperty("contentType", o.contentType());
    json.addProperty("size", String.valueOf(o.data().length));
    json.addProperty("md5Hash", o.md5());
    json.addProperty("crc32c", o.crc32c());
    json.addProperty("etag", o.md5());
    json.addProperty("storageClass", "STANDARD");
    json.addProperty("timeCreated", o.created().toString());
    json.addProperty("updated", o.updated().toString());
    json.addProperty("eventBasedHold", o.eventBasedHold());
    json.addProperty("temporaryHold", o.temporaryHold());
    if (o.retentionExpiresAt() != null) {
      json.addProperty("retentionExpirationTime", o.retentionExpiresAt().toString());
    }
    if (!o.metadata().isEmpty()) {
      json.add("metadata", GSON.toJsonTree(o.metadata()));
    }
    String encoded = V4Signatures.encode(o.name());
    json.addProperty("selfLink", origin + "/storage/v1/b/" + o.bucket() + "/o/" + encoded);
    json.addProperty(
        "mediaLink",
        origin
            + "/download/storage/v1/b/"
            + o.bucket()
            + "/o/"
            + encoded
            + "?generation="
            + o.generation()
            + "&alt=media");
    return json;
  }

  private static Map<String, String> metadata(JsonObject body) {
    if (!body.has("metadata") || body.get("metadata").isJsonNull()) {
      return null;
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    body.getAsJsonObject("metadata")
        .entrySet()
        .forEach(
            e ->
                metadata.put(
                    e.getKey(), e.getValue().isJsonNull() ? null : e.getValue().getAsString()));
    return metadata;
  }

  private static Boolean bool(JsonObject body, String name) {
    return body.has(name) && !body.get(name).isJsonNull() ? body.get(name).getAsBoolean() : null;
  }

  private static Long longOrNull(String value) {
    return value == null || value.isBlank() ? null : Long.parseLong(value.strip());
  }

  private static byte[] bytes(HttpExchange exchange) throws IOException {
    java.io.InputStream in = exchange.getRequestBody();
    // The JSON API client compresses what it uploads unless told not to.
    if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
      in = new java.util.zip.GZIPInputStream(in);
    }
    byte[] data = in.readNBytes(MAX_REQUEST_BYTES + 1);
    if (data.length > MAX_REQUEST_BYTES) {
      throw new Refusal(
          413, "tooLarge", "the local Cloud Storage takes at most 512 MiB per request");
    }
    return data;
  }

  private static String body(HttpExchange exchange) throws IOException {
    return new String(bytes(exchange), StandardCharsets.UTF_8);
  }

  private static void cors(HttpExchange exchange) {
    var headers = exchange.getResponseHeaders();
    headers.add("Access-Control-Allow-Origin", "*");
    headers.add("Access-Control-Allow-Methods", "GET, HEAD, PUT, POST, DELETE, OPTIONS");
    headers.add(
        "Access-Control-Allow-Headers",
        "Content-Type, Content-Range, x-goog-resumable, x-goog-content-length-range,"
            + " x-goog-if-generation-match");
    headers.add("Access-Control-Expose-Headers", "Location, Range, ETag, x-goog-hash");
    headers.add("Access-Control-Max-Age", "3600");
  }

  private static void json(HttpExchange exchange, int status, JsonObject body) throws IOException {
    send(
        exchange,
        status,
        "application/json; charset=UTF-8",
        body.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** The JSON API's error shape, which the client turns into a StorageException with the code. */
  private static void error(HttpExchange exchange, Refusal refusal) throws IOException {
    JsonObject error = new JsonObject();
    error.addProperty("code", refusal.status);
    error.addProperty("message", refusal.getMessage());
    JsonArray errors = new JsonArray();
    JsonObject detail = new JsonObject();
    detail.addProperty("reason", refusal.reason);
    detail.addProperty("message", refusal.getMessage());
    errors.add(detail);
    error.add("errors", errors);
    JsonObject body = new JsonObject();
    body.add("error", error);
    json(exchange, refusal.status, body);
  }

  private static KeyPair rsaKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A {@code multipart/related} upload: the object's JSON metadata, then its bytes. */
  private record Multipart(String metadata, String mediaType, byte[] media) {
    static Multipart parse(String contentType, byte[] body) {
      int at = contentType == null ? -1 : contentType.indexOf("boundary=");
      if (at < 0) {
        throw new Refusal(400, "invalid", "a multipart upload names its boundary");
      }
      String boundary = contentType.substring(at + 9).replace("\"", "").split(";")[0].strip();
      byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
      List<byte[]> parts = new java.util.ArrayList<>();
      int start = indexOf(body, delimiter, 0);
      while (start >= 0) {
        int contentStart = start + delimiter.length;
        if (contentStart + 1 < body.length
            && body[contentStart] == '-'
            && body[contentStart + 1] == '-') {
          break;
        }
        int next = indexOf(body, delimiter, contentStart);
        if (next < 0) {
          break;
        }
        parts.add(java.util.Arrays.copyOfRange(body, contentStart, next));
        start = next;
      }
      if (parts.size() < 2) {
        throw new Refusal(400, "invalid", "a multipart upload has metadata and media");
      }
      Part meta = Part.of(parts.get(0));
      Part media = Part.of(parts.get(1));
      return new Multipart(
          new String(meta.body(), StandardCharsets.UTF_8), media.type(), media.body());
    }

    private record Part(String type, byte[] body) {
      static Part of(byte[] raw) {
        byte[] separator = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        int headersEnd = indexOf(raw, separator, 0);
        String headers = new String(raw, 0, headersEnd, StandardCharsets.ISO_8859_1);
        String type = null;
        for (String line : headers.split("\r\n")) {
          if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:")) {
            type = line.substring(13).strip();
          }
        }
        int end = raw.length;
        if (end >= 2 && raw[end - 2] == '\r' && raw[end - 1] == '\n') {
          end -= 2;
        }
        return new Part(type, java.util.Arrays.copyOfRange(raw, headersEnd + 4, end));
      }
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
      outer:
      for (int i = from; i <= data.length - pattern.length; i++) {
        for (int j = 0; j < pattern.length; j++) {
          if (data[i + j] != pattern[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }
}
