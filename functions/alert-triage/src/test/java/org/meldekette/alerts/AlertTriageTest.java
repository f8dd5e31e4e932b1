package org.meldekette.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.meldekette.domain.AuditVerification;
import org.meldekette.store.AuditTrail;

/**
 * Each of the eight monitored signals opens the right incident; closing alerts never close
 * incidents.
 */
class AlertTriageTest extends ServedAlertTriage {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "typesense-uptime, P1, NONE, NONE, HIGH, typesense",
    "typesense-cpu, P3, NONE, NONE, MEDIUM, typesense",
    "typesense-memory, P3, NONE, NONE, MEDIUM, typesense",
    "typesense-disk, P2, NONE, LOW, HIGH, typesense",
    "verification-stuck, P2, NONE, HIGH, MEDIUM, verification",
    "verification-queue-backlog, P3, NONE, NONE, MEDIUM, verification",
    "verification-failure-ratio, P2, NONE, HIGH, LOW, verification",
    "verification-worker-silent, P1, NONE, NONE, HIGH, verification"
  })
  void eachSignalOpensAnIncidentWithItsSeverityAndCiaImpact(
      String signal,
      String severity,
      String confidentiality,
      String integrity,
      String availability,
      String system)
      throws Exception {
    String messageId = newMessageId();
    assertThat(deliver(fixture(signal + "-open"), messageId)).isEqualTo(200);

    DocumentSnapshot alert = alertOf(signal);
    assertThat(alert.getString("state")).isEqualTo("OPEN");
    assertThat(alert.getString("signal")).isEqualTo(signal);
    String incidentId = alert.getString("incidentId");
    DocumentSnapshot incident = db.collection("incidents").document(incidentId).get().get();
    assertThat(incident.getString("source")).isEqualTo("ALERT");
    assertThat(incident.getString("phase")).isEqualTo("DETECTION_TRIAGE");
    assertThat(incident.getString("severity")).isEqualTo(severity);
    @SuppressWarnings("unchecked")
    Map<String, Object> triage = (Map<String, Object>) incident.get("triage");
    assertThat(triage)
        .containsEntry("severity", severity)
        .containsEntry("confidentiality", confidentiality)
        .containsEntry("integrity", integrity)
        .containsEntry("availability", availability)
        .containsEntry("affectedSystems", List.of(system));
    assertThat(incident.getString("sourceUrl"))
        .startsWith("https://console.cloud.google.com/monitoring/alerting/");
    // Announced right after the commit; a P1 also pages on-call.
    List<String> queued = queue.pending().stream().map(t -> t.name()).toList();
    assertThat(queued).contains(incidentId + "-new");
    assertThat(queued.contains(incidentId + "-page")).isEqualTo(severity.equals("P1"));
    assertThat(incident.getString("title")).contains(alert.getString("policyName"));
    List<QueryDocumentSnapshot> timeline =
        incident.getReference().collection("timeline").get().get().getDocuments();
    assertThat(timeline).hasSize(1);
    assertThat(timeline.get(0).getString("type")).isEqualTo("ALERT_OPENED");
    assertThat(timeline.get(0).getString("summary")).contains("opened this incident");
  }

  @Test
  void aClosingAlertResolvesItsAlertAndAddsATimelineEntryButNeverClosesTheIncident()
      throws Exception {
    byte[] open =
        variant(
            "typesense-memory-open",
            Map.of(
                "incident_id",
                "0.close-test",
                "resource",
                ServedAlertTriage.resource("gce_instance", "instance_id", "close-test")));
    byte[] closed =
        variant(
            "typesense-memory-closed",
            Map.of(
                "incident_id",
                "0.close-test",
                "resource",
                ServedAlertTriage.resource("gce_instance", "instance_id", "close-test")));
    deliver(open, newMessageId());
    deliver(closed, newMessageId());

    DocumentSnapshot alert =
        db.collection("alerts")
            .whereEqualTo("key", "cloud-monitoring:0.close-test")
            .get()
            .get()
            .getDocuments()
            .get(0);
    assertThat(alert.getString("state")).isEqualTo("CLOSED");
    assertThat(alert.get("endedAt")).isNotNull();
    DocumentSnapshot incident =
        db.collection("incidents").document(alert.getString("incidentId")).get().get();
    assertThat(incident.getString("phase")).isEqualTo("DETECTION_TRIAGE");
    assertThat(incident.getReference().collection("timeline").get().get().getDocuments())
        .extracting(d -> d.getString("type"))
        .containsExactlyInAnyOrder("ALERT_OPENED", "ALERT_RESOLVED");

    // One audit event per effect, on the alert's own chain, which the incident's verification
    // covers.
    List<AuditVerification.Result> chains = new AuditTrail(db).verifyIncident(incident.getId());
    assertThat(chains)
        .extracting(AuditVerification.Result::stream)
        .containsExactly("incidents/" + incident.getId(), alert.getReference().getPath());
    assertThat(chains).allMatch(AuditVerification.Result::intact);
    assertThat(new AuditTrail(db).events(alert.getReference().getPath()))
        .extracting(e -> e.type())
        .containsExactly("ALERT_OPENED", "ALERT_RESOLVED");
  }

  @Test
  void anAlertNoRuleKnowsStillOpensAP3Incident() throws Exception {
    JsonFields unknown = new JsonFields();
    byte[] data =
        variant(
            "typesense-cpu-open",
            Map.of(
                "incident_id",
                "0.unknown",
                "policy_name",
                "Mystery policy",
                "policy_user_labels",
                unknown.empty(),
                "metric",
                unknown.metric("custom.googleapis.com/mystery")));
    assertThat(deliver(data, newMessageId())).isEqualTo(200);

    DocumentSnapshot alert =
        db.collection("alerts")
            .whereEqualTo("key", "cloud-monitoring:0.unknown")
            .get()
            .get()
            .getDocuments()
            .get(0);
    assertThat(alert.getString("rule")).isEqualTo("unknown");
    DocumentSnapshot incident =
        db.collection("incidents").document(alert.getString("incidentId")).get().get();
    assertThat(incident.getString("severity")).isEqualTo("P3");
  }

  @Test
  void rulesMatchPolicyNameThenMetricTypeWhenNoLabelsMatch() throws Exception {
    JsonFields fields = new JsonFields();
    byte[] byMetric =
        variant(
            "typesense-disk-open",
            Map.of("incident_id", "0.by-metric", "policy_user_labels", fields.empty()));
    deliver(byMetric, newMessageId());
    DocumentSnapshot alert =
        db.collection("alerts")
            .whereEqualTo("key", "cloud-monitoring:0.by-metric")
            .get()
            .get()
            .getDocuments()
            .get(0);
    // The shipped rules match by labels only, so an unlabelled disk alert is unknown: P3, still an
    // incident.
    assertThat(alert.getString("rule")).isEqualTo("unknown");
  }

  @Test
  void aGenericAlertFromAnotherSourceOpensAndResolvesLikeAMonitoringAlert() throws Exception {
    String open =
        """
        {"source":"uptime-kuma","fingerprint":"status-page-2026-11-22T07:00","state":"open","severity":"critical",
         "summary":"Status page unreachable","occurredAt":"2026-11-22T07:00:00Z","resource":"status-page",
         "labels":{"system":"typesense","signal":"uptime"}}""";
    assertThat(deliver(open.getBytes(), newMessageId())).isEqualTo(200);
    assertThat(
            deliver(
                open.replace("\"open\"", "\"closed\"").replace("07:00:00Z", "07:20:00Z").getBytes(),
                newMessageId()))
        .isEqualTo(200);

    DocumentSnapshot alert =
        db.collection("alerts")
            .whereEqualTo("key", "generic:uptime-kuma:status-page-2026-11-22T07:00")
            .get()
            .get()
            .getDocuments()
            .get(0);
    assertThat(alert.getString("state")).isEqualTo("CLOSED");
    assertThat(alert.getString("signal")).isEqualTo("typesense-uptime");
    DocumentSnapshot incident =
        db.collection("incidents").document(alert.getString("incidentId")).get().get();
    assertThat(incident.getString("severity")).isEqualTo("P1");
    assertThat(incident.getTimestamp("detectedAt").toDate().toInstant().toString())
        .isEqualTo("2026-11-22T07:00:00Z");
  }

  @Test
  void anAlertAfterTheGroupsIncidentWasClosedOpensANewIncident() throws Exception {
    byte[] first = variant("verification-stuck-open", Map.of("incident_id", "0.first-stuck"));
    deliver(first, newMessageId());
    String firstIncident =
        db.collection("alerts")
            .whereEqualTo("key", "cloud-monitoring:0.first-stuck")
            .get()
            .get()
            .getDocuments()
            .get(0)
            .getString("incidentId");
    db.collection("incidents").document(firstIncident).update("phase", "CLOSED").get();

    deliver(
        variant("verification-stuck-open", Map.of("incident_id", "0.second-stuck")),
        newMessageId());
    String secondIncident =
        db.collection("alerts")
            .whereEqualTo("key", "cloud-monitoring:0.second-stuck")
            .get()
            .get()
            .getDocuments()
            .get(0)
            .getString("incidentId");
    assertThat(secondIncident).isNotEqualTo(firstIncident);
  }

  private static DocumentSnapshot alertOf(String signal) throws Exception {
    List<QueryDocumentSnapshot> alerts =
        db.collection("alerts").whereEqualTo("signal", signal).get().get().getDocuments();
    assertThat(alerts).hasSize(1);
    return alerts.get(0);
  }

  /** Small JSON values for fixture variants. */
  static final class JsonFields {
    com.google.gson.JsonObject empty() {
      return new com.google.gson.JsonObject();
    }

    com.google.gson.JsonObject metric(String type) {
      com.google.gson.JsonObject metric = new com.google.gson.JsonObject();
      metric.addProperty("type", type);
      return metric;
    }
  }
}
