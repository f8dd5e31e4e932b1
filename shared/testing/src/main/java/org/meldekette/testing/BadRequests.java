package org.meldekette.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Generated bad requests for fuzzing an HTTP function: each one is wrong in a way the function must
 * refuse with a 4xx (malformed or non-object JSON, wrong types, huge and deeply nested values,
 * invalid UTF-8, wrong content types and methods, odd headers). Built from a valid body, one defect
 * at a time, from a seeded random source so a failure can be replayed.
 */
public final class BadRequests {
  /** One request and what is wrong with it. */
  public record Request(
      String kind, String method, String path, byte[] body, List<String> headers) {
    public Request withHeader(String name, String value) {
      List<String> all = new ArrayList<>(headers);
      all.addAll(List.of(name, value));
      return new Request(kind, method, path, body, all);
    }

    @Override
    public String toString() {
      String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
      return kind
          + ": "
          + method
          + " "
          + path
          + " "
          + headers
          + " "
          + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }
  }

  /**
   * How the function answered: how often each status and each error code, and every answer that was
   * not a 4xx (a success, a 5xx, no answer at all), with the request that got it. A 4xx without a
   * JSON error is the HTTP server's own refusal of a malformed request line, before the function
   * sees it.
   */
  public record Answers(
      Map<Integer, Integer> statuses, Map<String, Integer> codes, List<String> unexpected) {
    public int total() {
      return statuses.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  private static final List<String> WRONG_CONTENT_TYPES =
      List.of(
          "text/plain",
          "application/xml",
          "multipart/form-data; boundary=x",
          "application/json; charset=latin1",
          "application/json; charset=utf-16",
          "application/octet-stream",
          "json",
          "*/*",
          "application/json+evil",
          "");

  private final Random random;

  public BadRequests(long seed) {
    this.random = new Random(seed);
  }

  /**
   * {@code count} bad versions of a JSON request whose valid form is {@code method path template}.
   */
  public List<Request> json(
      String method, String path, String template, int count, List<String> headers) {
    JsonObject valid = JsonParser.parseString(template).getAsJsonObject();
    List<Request> requests = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      requests.add(oneDefect(method, path, valid, headers));
    }
    return requests;
  }

  private Request oneDefect(String method, String path, JsonObject valid, List<String> headers) {
    List<String> json = withContentType(headers, "application/json");
    return switch (random.nextInt(10)) {
      case 0 ->
          new Request("malformed JSON", method, path, utf8(malformed(valid.toString())), json);
      case 1 -> new Request("not an object", method, path, utf8(notAnObject()), json);
      case 2 -> {
        JsonObject body = valid.deepCopy();
        body.addProperty(randomName(), randomScalar());
        yield new Request("unknown field", method, path, utf8(body.toString()), json);
      }
      case 3, 4 -> {
        JsonObject body = valid.deepCopy();
        String field = randomField(body);
        body.add(field, wrongType(body.get(field)));
        yield new Request("wrong type of " + field, method, path, utf8(body.toString()), json);
      }
      case 5 -> {
        JsonObject body = valid.deepCopy();
        String field = randomField(body);
        body.addProperty(field, "__DEEP__");
        int depth = 200 + random.nextInt(20_000);
        String nested =
            random.nextBoolean()
                ? "[".repeat(depth) + "]".repeat(depth)
                : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        yield new Request(
            "deeply nested " + field,
            method,
            path,
            utf8(body.toString().replace("\"__DEEP__\"", nested)),
            json);
      }
      case 6 -> new Request("huge body", method, path, utf8(huge(valid)), json);
      case 7 -> new Request("invalid UTF-8", method, path, invalidUtf8(valid.toString()), json);
      case 8 ->
          new Request(
              "wrong content type",
              method,
              path,
              utf8(valid.toString()),
              withContentType(
                  headers, WRONG_CONTENT_TYPES.get(random.nextInt(WRONG_CONTENT_TYPES.size()))));
      default -> {
        JsonObject body = valid.deepCopy();
        String field = randomField(body);
        body.add(field, hugeNumberOrNull());
        yield new Request("huge number in " + field, method, path, utf8(body.toString()), json);
      }
    };
  }

  /** The same body with a method the path does not take. */
  public Request wrongMethod(String path, List<String> allowed, byte[] body, List<String> headers) {
    List<String> methods =
        new ArrayList<>(List.of("GET", "PUT", "DELETE", "PATCH", "POST", "TRACE", "FOO"));
    methods.removeAll(allowed);
    return new Request(
        "wrong method", methods.get(random.nextInt(methods.size())), path, body, headers);
  }

  public int nextInt(int bound) {
    return random.nextInt(bound);
  }

  public <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** Sends every request, {@code threads} at a time, and collects the statuses and error codes. */
  public static Answers send(URI base, List<Request> requests, int threads)
      throws InterruptedException {
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    Map<String, Integer> codes = new ConcurrentHashMap<>();
    List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (Request request : requests) {
      pool.execute(
          () -> {
            HttpResponse<String> response;
            try {
              response = sendWithOneRetry(base, request);
            } catch (RuntimeException e) {
              statuses.merge(0, 1, Integer::sum);
              unexpected.add("no answer (" + e + ", cause " + e.getCause() + ") for " + request);
              return;
            } catch (AssertionError brokeTheApiDescription) {
              statuses.merge(-1, 1, Integer::sum);
              unexpected.add(brokeTheApiDescription.getMessage() + " for " + request);
              return;
            }
            String code = errorCode(response);
            statuses.merge(response.statusCode(), 1, Integer::sum);
            codes.merge(code, 1, Integer::sum);
            if (response.statusCode() < 400 || response.statusCode() >= 500) {
              String body =
                  response.body().length() > 300
                      ? response.body().substring(0, 300)
                      : response.body();
              unexpected.add(response.statusCode() + " " + body + " for " + request);
            }
          });
    }
    pool.shutdown();
    if (!pool.awaitTermination(20, TimeUnit.MINUTES)) {
      throw new IllegalStateException("fuzzing did not finish in 20 minutes");
    }
    return new Answers(new TreeMap<>(statuses), new TreeMap<>(codes), List.copyOf(unexpected));
  }

  /**
   * One retry when the connection broke before any answer: a kept-alive connection the server had
   * just closed after refusing an oversized body. A request the server really fails to answer fails
   * twice.
   */
  private static HttpResponse<String> sendWithOneRetry(URI base, Request request) {
    try {
      return TestHttp.send(
          request.method(),
          base.resolve(request.path()),
          request.body(),
          request.headers().toArray(String[]::new));
    } catch (IllegalStateException connectionBroke) {
      return TestHttp.send(
          request.method(),
          base.resolve(request.path()),
          request.body(),
          request.headers().toArray(String[]::new));
    }
  }

  private static String errorCode(HttpResponse<String> response) {
    try {
      return JsonParser.parseString(response.body())
          .getAsJsonObject()
          .getAsJsonObject("error")
          .get("code")
          .getAsString();
    } catch (RuntimeException notAnError) {
      return response.statusCode() < 400 ? "(success)" : "(no JSON error)";
    }
  }

  // --- The defects ---

  private String malformed(String json) {
    return switch (random.nextInt(8)) {
      case 0 -> json.substring(0, random.nextInt(Math.max(1, json.length() - 1)));
      case 1 -> json + "}";
      case 2 -> json.replaceFirst(":", "");
      case 3 -> json.replace("\"", "'");
      case 4 -> "{\"a\":NaN}";
      case 5 -> json + " trailing";
      case 6 -> "{/* comment */}";
      default -> "";
    };
  }

  private String notAnObject() {
    return pick(List.of("[]", "[{}]", "\"text\"", "42", "null", "true", "[[[]]]"));
  }

  private JsonElement wrongType(JsonElement value) {
    List<JsonElement> candidates = new ArrayList<>();
    if (!(value instanceof JsonPrimitive p && p.isString())) {
      candidates.add(new JsonPrimitive("not-" + randomName()));
    }
    if (!(value instanceof JsonPrimitive p && p.isNumber())) {
      candidates.add(new JsonPrimitive(random.nextInt()));
    }
    if (!(value instanceof JsonPrimitive p && p.isBoolean())) {
      candidates.add(new JsonPrimitive(random.nextBoolean()));
    }
    if (!value.isJsonObject()) {
      JsonObject object = new JsonObject();
      object.addProperty(randomName(), 1);
      candidates.add(object);
    }
    if (!value.isJsonArray()) {
      JsonArray array = new JsonArray();
      array.add(1);
      array.add(new JsonObject());
      candidates.add(array);
    }
    return pick(candidates);
  }

  private String huge(JsonObject valid) {
    JsonObject body = valid.deepCopy();
    body.addProperty(randomField(body), "x".repeat(300_000 + random.nextInt(200_000)));
    return body.toString();
  }

  private JsonElement hugeNumberOrNull() {
    // Never null: for an optional field that means "not given", which is no defect.
    return pick(
        List.<JsonElement>of(
            new JsonPrimitive(new java.math.BigDecimal("1e400")),
            new JsonPrimitive(new java.math.BigInteger("99999999999999999999999999999999")),
            new JsonPrimitive(new java.math.BigDecimal("-1e400"))));
  }

  /** The JSON with bytes that are not UTF-8 put into it. */
  private byte[] invalidUtf8(String json) {
    byte[][] bad = {
      {(byte) 0xff},
      {(byte) 0xc0, (byte) 0xaf},
      {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
      {(byte) 0x80},
      {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
      {(byte) 0xe2, (byte) 0x82}
    };
    byte[] insert = bad[random.nextInt(bad.length)];
    byte[] text = utf8(json);
    int at = text.length < 3 ? 0 : 1 + random.nextInt(text.length - 2);
    byte[] result = new byte[text.length + insert.length];
    System.arraycopy(text, 0, result, 0, at);
    System.arraycopy(insert, 0, result, at, insert.length);
    System.arraycopy(text, at, result, at + insert.length, text.length - at);
    return result;
  }

  private String randomField(JsonObject body) {
    List<String> names = new ArrayList<>(body.keySet());
    return names.get(random.nextInt(names.size()));
  }

  private String randomName() {
    return pick(
            List.of(
                "admin",
                "isAdmin",
                "__proto__",
                "constructor",
                "$where",
                "role",
                "phase",
                "id",
                "version",
                "createdAt",
                "x"))
        + random.nextInt(100);
  }

  private String randomScalar() {
    return pick(
        List.of("true", "1", "", "<script>alert(1)</script>", "'; DROP TABLE incidents; --"));
  }

  private static List<String> withContentType(List<String> headers, String contentType) {
    List<String> all = new ArrayList<>(headers);
    if (!contentType.isEmpty()) {
      all.addAll(List.of("Content-Type", contentType));
    }
    return all;
  }

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Applies {@code change} to a copy of {@code template} and gives the JSON. */
  public static String edited(String template, Function<JsonObject, JsonObject> change) {
    return change.apply(JsonParser.parseString(template).getAsJsonObject()).toString();
  }
}
