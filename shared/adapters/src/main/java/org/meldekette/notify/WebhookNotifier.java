package org.meldekette.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.meldekette.json.Json;

/**
 * Posts a message to incoming webhooks: Google Chat and Slack-compatible ones both take {@code
 * {"text": …}}. Each channel is the name of a secret holding the webhook's URL, so no URL sits in
 * configuration.
 */
public final class WebhookNotifier {
  private final Secrets secrets;
  private final HttpClient http;

  public WebhookNotifier(Secrets secrets) {
    this.secrets = secrets;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /**
   * Sends {@code text} to every channel; the first failure throws, so the caller's task is retried.
   */
  public void send(List<String> channels, String text) throws Exception {
    for (String channel : channels) {
      post(channel, Map.of("text", text));
    }
  }

  /** Posts {@code body} as JSON to the webhook of {@code channel}; a non-2xx answer throws. */
  public void post(String channel, Map<String, ?> body) throws Exception {
    HttpResponse<Void> response =
        http.send(
            HttpRequest.newBuilder(URI.create(secrets.value(channel)))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("webhook of channel " + channel + " answered " + response.statusCode());
    }
  }

  /** A secret of the same store, such as an events API's routing key. */
  public String secret(String name) throws Exception {
    return secrets.value(name);
  }
}
