package org.meldekette.alerts;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.meldekette.testing.TestHttp;

/**
 * Delivers a Pub/Sub message as Eventarc does: a {@code messagePublished} CloudEvent in binary mode
 * over HTTP.
 */
public final class PubSubPush {
  private PubSubPush() {}

  /**
   * Delivers {@code data} as the message {@code messageId}; the status is what Pub/Sub sees (2xx
   * acknowledges).
   */
  public static int deliver(URI function, byte[] data, String messageId) {
    String envelope =
        "{\"message\":{\"data\":\""
            + Base64.getEncoder().encodeToString(data)
            + "\",\"messageId\":\""
            + messageId
            + "\",\"publishTime\":\"2026-11-22T07:59:59Z\"},"
            + "\"subscription\":\"projects/test/subscriptions/alert-triage\"}";
    HttpResponse<String> response =
        TestHttp.send(
            "POST",
            function,
            envelope,
            "Content-Type",
            "application/json",
            "ce-id",
            messageId,
            "ce-specversion",
            "1.0",
            "ce-type",
            "google.cloud.pubsub.topic.v1.messagePublished",
            "ce-source",
            "//pubsub.googleapis.com/projects/test/topics/monitoring-alerts");
    return response.statusCode();
  }
}
