package org.meldekette.dev.storage;

import static org.meldekette.dev.storage.StorageHttp.body;
import static org.meldekette.dev.storage.StorageHttp.bytes;
import static org.meldekette.dev.storage.StorageHttp.hashHeaders;
import static org.meldekette.dev.storage.StorageHttp.json;
import static org.meldekette.dev.storage.StorageHttp.longOrNull;
import static org.meldekette.dev.storage.StorageHttp.media;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meldekette.dev.storage.Buckets.Refusal;
import org.meldekette.dev.storage.Buckets.StoredObject;

/**
 * The JSON API as {@code google-cloud-storage} calls it: buckets, objects (read, patch, delete,
 * list, copy and rewrite), uploads (media, multipart, resumable) and the resumable sessions' PUTs,
 * which the browser's signed uploads share.
 */
final class JsonApi {
  private static final Gson GSON = new Gson();

  private final Buckets buckets;
  private final UploadSessions sessions;
  private final String origin;

  JsonApi(Buckets buckets, UploadSessions sessions, String origin) {
    this.buckets = buckets;
    this.sessions = sessions;
    this.origin = origin;
  }

  void objects(HttpExchange exchange, String method, List<String> path, Map<String, String> query)
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

  void upload(HttpExchange exchange, String method, List<String> path, Map<String, String> query)
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

  void sessionPut(HttpExchange exchange, String uploadId, boolean jsonApi) throws IOException {
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

  JsonObject object(StoredObject o) {
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
}
