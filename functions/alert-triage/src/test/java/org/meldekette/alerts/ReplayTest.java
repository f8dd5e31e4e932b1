package org.meldekette.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.meldekette.testing.FirestoreEmulator;

/**
 * Pub/Sub delivers at least once. Every kind of message alert-triage gets — each signal's open and
 * closed notification, a second occurrence joining an open incident, a generic alert, malformed
 * messages — delivered three times ends in the same state, with the same single audit event per
 * effect, as delivered once.
 */
class ReplayTest extends ServedAlertTriage {

  @AfterEach
  void backToTheClassDatabase() {
    AlertTriageUnderTest.db = db;
  }

  @Test
  void everyMessageDeliveredThreeTimesEndsAsDeliveredOnce() throws Exception {
    List<AlertStorm.Delivery> messages = messages();

    Firestore once = use(FirestoreEmulator.shared().newDatabase());
    for (AlertStorm.Delivery message : messages) {
      assertThat(deliver(message.data(), message.messageId())).isEqualTo(200);
    }

    Firestore thrice = use(FirestoreEmulator.shared().newDatabase());
    for (AlertStorm.Delivery message : messages) {
      for (int i = 0; i < 3; i++) {
        assertThat(deliver(message.data(), message.messageId())).isEqualTo(200);
      }
    }
    // ... and late: after everything else came, each message once more.
    for (AlertStorm.Delivery message : messages) {
      assertThat(deliver(message.data(), message.messageId())).isEqualTo(200);
    }

    assertThat(AlertState.of(thrice)).isEqualTo(AlertState.of(once)).isNotEmpty();
    Map<String, List<String>> audit = auditEvents(once);
    assertThat(auditEvents(thrice)).isEqualTo(audit);
    // One event per effect: 8 signals opened and resolved, the joining occurrence and the generic
    // alert too.
    assertThat(audit.values().stream().mapToInt(List::size).sum()).isEqualTo(2 * (8 + 1 + 1));
    assertThat(count(thrice, "deliveries"))
        .isEqualTo(count(once, "deliveries"))
        .isEqualTo(messages.size() - 3);
    assertThat(count(thrice, "rejected-alerts"))
        .isEqualTo(count(once, "rejected-alerts"))
        .isEqualTo(3);
    once.close();
    thrice.close();
  }

  private static List<AlertStorm.Delivery> messages() {
    List<AlertStorm.Delivery> messages = new ArrayList<>();
    for (String signal : SIGNALS) {
      messages.add(new AlertStorm.Delivery(fixture(signal + "-open"), signal + "-open"));
      messages.add(new AlertStorm.Delivery(fixture(signal + "-closed"), signal + "-closed"));
    }
    // A second occurrence of the CPU alert while its incident is still open: it joins.
    for (String state : List.of("open", "closed")) {
      messages.add(
          new AlertStorm.Delivery(
              variant("typesense-cpu-" + state, Map.of("incident_id", "0.second")),
              "cpu-second-" + state));
    }
    String generic =
        """
        {"source":"uptime-kuma","fingerprint":"status-page-1","state":"open","severity":"critical",
         "summary":"Status page unreachable","occurredAt":"2026-11-22T07:00:00Z","resource":"status-page",
         "labels":{"system":"typesense","signal":"uptime"}}""";
    messages.add(new AlertStorm.Delivery(generic.getBytes(StandardCharsets.UTF_8), "generic-open"));
    messages.add(
        new AlertStorm.Delivery(
            generic
                .replace("\"open\"", "\"closed\"")
                .replace("07:00:00Z", "07:20:00Z")
                .getBytes(StandardCharsets.UTF_8),
            "generic-closed"));
    messages.add(new AlertStorm.Delivery("not json".getBytes(StandardCharsets.UTF_8), "bad-1"));
    messages.add(
        new AlertStorm.Delivery("{\"hello\":1}".getBytes(StandardCharsets.UTF_8), "bad-2"));
    messages.add(new AlertStorm.Delivery(new byte[] {(byte) 0xff, '{', '}'}, "bad-3"));
    return messages;
  }

  /**
   * Audit events per stream in sequence, as type, summary, before and after (incident IDs by name).
   */
  private static Map<String, List<String>> auditEvents(Firestore database) throws Exception {
    Map<String, String> incidentNames = new TreeMap<>();
    for (QueryDocumentSnapshot group :
        database.collection("alert-groups").get().get().getDocuments()) {
      incidentNames.put(
          group.getString("openIncidentId"), "INC(" + group.getId().substring(0, 12) + ")");
    }
    Map<String, List<String>> streams = new TreeMap<>();
    for (QueryDocumentSnapshot event :
        database.collection("audit-events").orderBy("sequence").get().get().getDocuments()) {
      String text =
          event.getLong("sequence")
              + " "
              + event.getString("type")
              + " "
              + event.getString("summary")
              + " "
              + event.get("before")
              + " "
              + event.get("after")
              + " "
              + event.getString("incidentId");
      for (Map.Entry<String, String> name : incidentNames.entrySet()) {
        text = text.replace(name.getKey(), name.getValue());
      }
      streams.computeIfAbsent(event.getString("stream"), stream -> new ArrayList<>()).add(text);
    }
    return streams;
  }

  private static Firestore use(Firestore database) {
    AlertTriageUnderTest.db = database;
    return database;
  }

  private static long count(Firestore database, String collection) throws Exception {
    return database.collection(collection).count().get().get().getCount();
  }
}
