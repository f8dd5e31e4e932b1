package org.meldekette.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.firestore.QueryDocumentSnapshot;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PushConfig;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.SubscriptionName;
import com.google.pubsub.v1.TopicName;
import com.sun.net.httpserver.HttpServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.meldekette.dev.LocalHttpServer;
import org.meldekette.testing.PubSubEmulator;

/**
 * A fixture published to the Pub/Sub emulator reaches the function through a push subscription,
 * relayed as Eventarc relays it (the push body as a {@code messagePublished} CloudEvent), and
 * creates the incident. The relay answers Pub/Sub with the function's status, so a failed delivery
 * is retried by Pub/Sub itself.
 */
class PubSubEndToEndTest extends ServedAlertTriage {

  @Test
  void aPublishedMonitoringAlertBecomesAnIncident() throws Exception {
    PubSubEmulator pubsub = PubSubEmulator.shared();
    String project = "meldekette-e2e";
    TopicName topic = TopicName.of(project, "monitoring-alerts-" + System.nanoTime());
    AtomicInteger pushes = new AtomicInteger();
    HttpServer relay = LocalHttpServer.create(0);
    relay.createContext(
        "/push",
        exchange -> {
          JsonObject push =
              JsonParser.parseString(
                      new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                  .getAsJsonObject();
          JsonObject message = push.getAsJsonObject("message");
          pushes.incrementAndGet();
          int status =
              deliver(
                  java.util.Base64.getDecoder().decode(message.get("data").getAsString()),
                  message.get("messageId").getAsString());
          exchange.sendResponseHeaders(status == 200 ? 204 : 500, -1);
          exchange.close();
        });
    relay.start();

    try (TopicAdminClient topics =
            TopicAdminClient.create(
                TopicAdminSettings.newBuilder()
                    .setTransportChannelProvider(pubsub.channels())
                    .setCredentialsProvider(pubsub.credentials())
                    .build());
        SubscriptionAdminClient subscriptions =
            SubscriptionAdminClient.create(
                SubscriptionAdminSettings.newBuilder()
                    .setTransportChannelProvider(pubsub.channels())
                    .setCredentialsProvider(pubsub.credentials())
                    .build())) {
      topics.createTopic(topic);
      subscriptions.createSubscription(
          Subscription.newBuilder()
              .setName(SubscriptionName.of(project, "alert-triage-" + System.nanoTime()).toString())
              .setTopic(topic.toString())
              .setPushConfig(
                  PushConfig.newBuilder()
                      .setPushEndpoint(
                          "http://127.0.0.1:" + relay.getAddress().getPort() + "/push"))
              .setAckDeadlineSeconds(10)
              .build());

      Publisher publisher =
          Publisher.newBuilder(topic)
              .setChannelProvider(pubsub.channels())
              .setCredentialsProvider(pubsub.credentials())
              .build();
      publisher
          .publish(
              PubsubMessage.newBuilder()
                  .setData(ByteString.copyFrom(fixture("verification-worker-silent-open")))
                  .build())
          .get();
      publisher.shutdown();
      publisher.awaitTermination(10, TimeUnit.SECONDS);

      List<QueryDocumentSnapshot> alerts = awaitAlerts("cloud-monitoring:0.00005eedd889");
      String incidentId = alerts.get(0).getString("incidentId");
      QueryDocumentSnapshot incident =
          db.collection("incidents")
              .whereEqualTo("id", incidentId)
              .get()
              .get()
              .getDocuments()
              .get(0);
      assertThat(incident.getString("source")).isEqualTo("ALERT");
      assertThat(incident.getString("severity")).isEqualTo("P1");
      assertThat(pushes.get()).isGreaterThanOrEqualTo(1);
    } finally {
      relay.stop(0);
    }
  }

  /**
   * Pub/Sub pushes on its own schedule: waits (polling Firestore) up to 30 s for the alert record.
   */
  private static List<QueryDocumentSnapshot> awaitAlerts(String key) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      List<QueryDocumentSnapshot> alerts =
          db.collection("alerts").whereEqualTo("key", key).get().get().getDocuments();
      if (!alerts.isEmpty()) {
        return alerts;
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    throw new AssertionError("the alert published to Pub/Sub never arrived");
  }
}
