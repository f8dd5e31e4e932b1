package org.meldekette.alerts;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.meldekette.json.Json;

/**
 * The Pub/Sub message inside a {@code google.cloud.pubsub.topic.v1.messagePublished} CloudEvent:
 * its ID (what redeliveries share), publish time and decoded data.
 */
record PubSubMessage(String messageId, Instant publishTime, byte[] data) {
  static final int MAX_DATA_BYTES = 256 * 1024;

  /**
   * The message of an event; {@code fallbackId} (the event's ID) names a message too broken to name
   * itself.
   */
  static PubSubMessage of(CloudEvent event) throws MalformedAlert {
    if (event.getData() == null) {
      throw new MalformedAlert("NO_DATA", "the event carries no data");
    }
    JsonObject message;
    try {
      JsonElement envelope =
          Json.parse(new String(event.getData().toBytes(), StandardCharsets.UTF_8));
      message = envelope.getAsJsonObject().getAsJsonObject("message");
    } catch (RuntimeException e) {
      throw new MalformedAlert("NOT_PUBSUB", "the event data is not a Pub/Sub message envelope");
    }
    if (message == null) {
      throw new MalformedAlert("NOT_PUBSUB", "the event data has no message");
    }
    String id =
        message.has("messageId")
            ? message.get("messageId").getAsString()
            : message.has("message_id") ? message.get("message_id").getAsString() : event.getId();
    Instant published = null;
    try {
      if (message.has("publishTime")) {
        published = Instant.parse(message.get("publishTime").getAsString());
      }
    } catch (RuntimeException ignored) {
      // the publish time is informational
    }
    byte[] data;
    try {
      data =
          message.has("data")
              ? Base64.getDecoder().decode(message.get("data").getAsString())
              : new byte[0];
    } catch (RuntimeException e) {
      throw new MalformedAlert("BAD_BASE64", "the message data is not base64");
    }
    if (data.length > MAX_DATA_BYTES) {
      throw new MalformedAlert(
          "TOO_LARGE", "the message data is larger than " + MAX_DATA_BYTES + " bytes");
    }
    return new PubSubMessage(id, published, data);
  }
}
