package org.meldekette.dev.storage;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.meldekette.dev.storage.Buckets.Refusal;
import org.meldekette.dev.storage.Buckets.StoredObject;

/**
 * What both of the local Cloud Storage's APIs do with an exchange: read bodies (gunzipped, capped),
 * answer JSON, media with ranges and hash headers, CORS, and refusals in the JSON API's error
 * shape.
 */
final class StorageHttp {
  private static final int MAX_REQUEST_BYTES = 512 * 1024 * 1024;

  private StorageHttp() {}

  /** {@code b/{bucket}/o[/{object}[/rewriteTo/b/{bucket}/o/{object}]]} as decoded segments. */
  static List<String> segments(String rawPath, String prefix) {
    return List.of(rawPath.substring(prefix.length()).split("/", -1)).stream()
        .map(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8))
        .toList();
  }

  static void media(HttpExchange exchange, StoredObject o) throws IOException {
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

  static void hashHeaders(HttpExchange exchange, StoredObject o) {
    exchange.getResponseHeaders().add("x-goog-hash", "crc32c=" + o.crc32c());
    exchange.getResponseHeaders().add("x-goog-hash", "md5=" + o.md5());
  }

  static Long longOrNull(String value) {
    return value == null || value.isBlank() ? null : Long.parseLong(value.strip());
  }

  static byte[] bytes(HttpExchange exchange) throws IOException {
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

  static String body(HttpExchange exchange) throws IOException {
    return new String(bytes(exchange), StandardCharsets.UTF_8);
  }

  static void cors(HttpExchange exchange) {
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

  static void json(HttpExchange exchange, int status, JsonObject body) throws IOException {
    send(
        exchange,
        status,
        "application/json; charset=UTF-8",
        body.toString().getBytes(StandardCharsets.UTF_8));
  }

  static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** The JSON API's error shape, which the client turns into a StorageException with the code. */
  static void error(HttpExchange exchange, Refusal refusal) throws IOException {
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
}
