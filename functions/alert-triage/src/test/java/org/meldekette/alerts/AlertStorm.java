package org.meldekette.alerts;

import com.google.gson.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A reproducible alert storm built from the eight fixture signals: alerts spread over {@code
 * resources} resources per signal, each alert an "open" and a "closed" notification, all shuffled
 * (so many a "closed" comes first), and a share of the deliveries repeating a message already in
 * the plan, as Pub/Sub redelivers. Every message ID is unique per notification; a repeat reuses it.
 *
 * @param deliveries what Pub/Sub delivers, in order
 * @param alerts distinct alerts (each an open and a closed notification)
 * @param groups signal and resource pairs: one incident each
 * @param redeliveries deliveries that repeat a message
 */
public record AlertStorm(List<Delivery> deliveries, int alerts, int groups, int redeliveries) {

  /** One push of a message. */
  public record Delivery(byte[] data, String messageId) {}

  /** A storm of {@code alerts} alerts; {@code redeliveredShare} of all deliveries are repeats. */
  public static AlertStorm of(int alerts, int resources, double redeliveredShare, long seed) {
    Random random = new Random(seed);
    int groups = AlertFixtures.SIGNALS.size() * resources;
    List<Delivery> first = new ArrayList<>();
    for (int i = 0; i < alerts; i++) {
      int group = i % groups;
      String signal = AlertFixtures.SIGNALS.get(group % AlertFixtures.SIGNALS.size());
      int resource = group / AlertFixtures.SIGNALS.size();
      String occurrence = "storm." + signal + "." + resource + "." + (i / groups);
      for (String state : List.of("open", "closed")) {
        first.add(
            new Delivery(
                notification(signal, state, resource, occurrence), occurrence + "." + state));
      }
    }
    int redeliveries = (int) Math.round(first.size() * redeliveredShare / (1 - redeliveredShare));
    List<Delivery> all = new ArrayList<>(first);
    for (int i = 0; i < redeliveries; i++) {
      all.add(first.get(random.nextInt(first.size())));
    }
    Collections.shuffle(all, random);
    return new AlertStorm(List.copyOf(all), alerts, Math.min(groups, alerts), redeliveries);
  }

  /**
   * What a run of deliveries got back: how often each status, and the deliveries Pub/Sub would
   * retry.
   */
  public record Outcome(Map<Integer, Integer> statuses, List<Delivery> failed, long nanos) {}

  /**
   * Delivers the storm to the function with {@code concurrency} deliveries at a time, in plan
   * order, telling {@code progress} how many have been answered. A delivery that is not
   * acknowledged (not 2xx) is returned, in plan order, for a retry.
   */
  public Outcome deliver(URI function, int concurrency, IntConsumer progress)
      throws InterruptedException {
    return deliver(deliveries, function, concurrency, progress);
  }

  public static Outcome deliver(
      List<Delivery> deliveries, URI function, int concurrency, IntConsumer progress)
      throws InterruptedException {
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    Map<Integer, Delivery> failed = new ConcurrentHashMap<>();
    AtomicInteger answered = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(concurrency);
    long start = System.nanoTime();
    for (int i = 0; i < deliveries.size(); i++) {
      int index = i;
      Delivery delivery = deliveries.get(i);
      threads.execute(
          () -> {
            int status;
            try {
              status = PubSubPush.deliver(function, delivery.data(), delivery.messageId());
            } catch (RuntimeException e) {
              status = 599; // no answer (or none within 30 s): Pub/Sub retries that too
            }
            statuses.merge(status, 1, Integer::sum);
            if (status < 200 || status > 299) {
              failed.put(index, delivery);
            }
            progress.accept(answered.incrementAndGet());
          });
    }
    threads.shutdown();
    if (!threads.awaitTermination(30, TimeUnit.MINUTES)) {
      throw new IllegalStateException("the storm did not finish in 30 minutes");
    }
    long nanos = System.nanoTime() - start;
    return new Outcome(new TreeMap<>(statuses), List.copyOf(new TreeMap<>(failed).values()), nanos);
  }

  private static byte[] notification(String signal, String state, int resource, String occurrence) {
    JsonObject labels = new JsonObject();
    labels.addProperty("storm_resource", "r" + resource);
    JsonObject resourceJson = new JsonObject();
    resourceJson.addProperty(
        "type", AlertFixtures.resourceOf(signal + "-open").get("type").getAsString());
    resourceJson.add("labels", labels);
    return AlertFixtures.variant(
        signal + "-" + state,
        Map.of(
            "incident_id",
            occurrence,
            "resource",
            resourceJson,
            "resource_name",
            "storm-resource-" + resource,
            "resource_display_name",
            "storm-resource-" + resource));
  }
}
