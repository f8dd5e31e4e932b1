package org.meldekette.tasks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.meldekette.json.Json;

/**
 * Tasks in the local stack's queue ({@code org.meldekette.dev.LocalTaskQueue}), over HTTP; {@code
 * targetUrl} is the deadline-reminder function's URL, the task's path appended.
 */
public final class LocalTaskQueueClient implements TaskQueue {
  // HTTP/1.1: the local queue speaks nothing else, and an h2c upgrade attempt on every new
  // connection costs time.
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final String queueUrl;
  private final String targetUrl;
  private final String audience;

  public LocalTaskQueueClient(String queueUrl, String targetUrl, String audience) {
    this.queueUrl = queueUrl;
    this.targetUrl = targetUrl;
    this.audience = audience;
  }

  @Override
  public void create(QueuedTask task) throws Exception {
    String body =
        Json.write(
            Map.of(
                "name",
                task.name(),
                "scheduleTime",
                task.scheduleTime().toString(),
                "url",
                targetUrl + task.path(),
                "audience",
                audience,
                "body",
                Json.write(task.body())));
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(queueUrl + "/tasks"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201 && response.statusCode() != 409) {
      throw new IllegalStateException("the local task queue answered " + response.statusCode());
    }
  }
}
