package org.meldekette.dev.storage;

import static org.meldekette.dev.storage.StorageHttp.bytes;
import static org.meldekette.dev.storage.StorageHttp.hashHeaders;
import static org.meldekette.dev.storage.StorageHttp.longOrNull;
import static org.meldekette.dev.storage.StorageHttp.media;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.meldekette.dev.storage.Buckets.Refusal;
import org.meldekette.dev.storage.Buckets.StoredObject;

/**
 * The XML API a browser reaches with a V4 signed URL: the signature and its expiry checked, then a
 * resumable upload started (within the signed size range), a simple upload, or a download.
 */
final class SignedUrls {
  private final Buckets buckets;
  private final UploadSessions sessions;
  private final V4Signatures signatures;
  private final Clock clock;
  private final String origin;

  SignedUrls(
      Buckets buckets,
      UploadSessions sessions,
      V4Signatures signatures,
      Clock clock,
      String origin) {
    this.buckets = buckets;
    this.sessions = sessions;
    this.signatures = signatures;
    this.clock = clock;
    this.origin = origin;
  }

  /** The XML API with a V4 signed URL: a resumable upload's start, a simple upload, a download. */
  void serve(
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
}
