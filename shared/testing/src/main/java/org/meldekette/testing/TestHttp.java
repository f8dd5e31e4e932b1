package org.meldekette.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A plain HTTP client for tests that talk to functions over the loopback. */
public final class TestHttp {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * The API descriptions of functions served on the loopback, by port: every answer is checked
   * against them.
   */
  private static final Map<Integer, ApiContract> CONTRACTS = new ConcurrentHashMap<>();

  private TestHttp() {}

  /** Sends a request; {@code headers} are name, value pairs. A null body sends none. */
  public static HttpResponse<String> send(String method, URI uri, byte[] body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      ApiContract contract = CONTRACTS.get(uri.getPort());
      return contract == null ? response : contract.check(response);
    } catch (IOException e) {
      throw new IllegalStateException("request to " + uri + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * From now on, answers from {@code port} on the loopback are checked against {@code contract}.
   */
  static void holdTo(int port, ApiContract contract) {
    CONTRACTS.put(port, contract);
  }

  static void release(int port) {
    CONTRACTS.remove(port);
  }

  public static HttpResponse<String> send(String method, URI uri, String body, String... headers) {
    return send(
        method,
        uri,
        body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        headers);
  }

  public static JsonObject json(HttpResponse<String> response) {
    return JsonParser.parseString(response.body()).getAsJsonObject();
  }
}
