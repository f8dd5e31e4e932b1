package org.meldekette.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.logging.v2.LoggingClient;
import com.google.cloud.logging.v2.LoggingSettings;
import com.google.logging.type.LogSeverity;
import com.google.logging.v2.LogEntry;
import com.google.logging.v2.WriteLogEntriesRequest;
import com.google.logging.v2.WriteLogEntriesResponse;
import io.grpc.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.meldekette.config.Lazy;
import org.meldekette.domain.Actor;
import org.meldekette.domain.AuditEvent;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentSource;
import org.meldekette.domain.Role;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.deadline.Regimes;
import org.meldekette.domain.lifecycle.Openings;
import org.meldekette.log.StructuredLog;
import org.meldekette.store.IncidentStore;
import org.meldekette.testing.FirestoreExtension;
import org.meldekette.testing.InProcessGrpcServer;
import org.meldekette.testing.MutableClock;

/**
 * The Cloud Logging adapter, with the real google-cloud-logging client over gRPC to an in-process
 * LoggingServiceV2, and the export-later path against the Firestore emulator.
 */
@ExtendWith(FirestoreExtension.class)
class CloudLoggingAuditSinkTest {
  private static final Instant T0 = Instant.parse("2026-11-22T08:00:00.123456789Z");
  private InProcessGrpcServer logging;
  private LoggingClient client;
  private final MutableClock clock = new MutableClock(T0);
  private final ByteArrayOutputStream warnings = new ByteArrayOutputStream();

  @BeforeEach
  void start() throws Exception {
    logging =
        new InProcessGrpcServer("google.logging.v2.LoggingServiceV2")
            .unary(
                "WriteLogEntries",
                WriteLogEntriesRequest.getDefaultInstance(),
                WriteLogEntriesResponse.getDefaultInstance(),
                request -> WriteLogEntriesResponse.getDefaultInstance())
            .start();
    LoggingSettings.Builder settings =
        LoggingSettings.newBuilder()
            .setTransportChannelProvider(logging.channelProvider())
            .setCredentialsProvider(NoCredentialsProvider.create());
    settings
        .writeLogEntriesSettings()
        .setRetrySettings(
            settings.writeLogEntriesSettings().getRetrySettings().toBuilder()
                .setMaxAttempts(1)
                .build());
    client = LoggingClient.create(settings.build());
  }

  @AfterEach
  void stop() {
    client.close();
    logging.close();
  }

  private AuditExport export(Firestore db) {
    return new AuditExport(
        () -> db,
        new CloudLoggingAuditSink(Lazy.ready(client), "meldekette-prod"),
        new StructuredLog(
            "meldekette-prod", new PrintStream(warnings, true, StandardCharsets.UTF_8)),
        clock);
  }

  /**
   * Commits a change with its audit event through the store, as every function does, and gives the
   * event.
   */
  private AuditEvent committed(Firestore db, String incidentId) {
    List<AuditEvent> events = new ArrayList<>();
    Incident incident = Incident.open(incidentId, "t", IncidentSource.STAFF, null, clock.instant());
    new IncidentStore(
            db,
            new DeadlinePolicy(Regimes.shipped("GDPR")),
            committed -> events.addAll(committed.events()))
        .open(
            List.of(
                Openings.opened(
                    incident, Actor.staff("responder@meldekette.test", Role.RESPONDER))));
    return events.get(0);
  }

  @Test
  void writesEachEventToTheAuditLogWithItsLabelsInsertIdAndPayload(Firestore db) throws Exception {
    AuditEvent event = committed(db, "INC-20261122-AAAAAA");
    export(db).exportNow(List.of(event));

    List<WriteLogEntriesRequest> requests = logging.requests();
    assertThat(requests).hasSize(1);
    WriteLogEntriesRequest request = requests.get(0);
    assertThat(request.getLogName()).isEqualTo("projects/meldekette-prod/logs/meldekette-audit");
    assertThat(request.getResource().getType()).isEqualTo("global");
    assertThat(request.getPartialSuccess()).isFalse();
    LogEntry entry = request.getEntries(0);
    assertThat(entry.getInsertId()).isEqualTo("incidents:INC-20261122-AAAAAA:0000000001");
    assertThat(entry.getLabelsMap())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "incidentId",
                "INC-20261122-AAAAAA",
                "eventType",
                "INCIDENT_OPENED",
                "actorRole",
                "RESPONDER"));
    assertThat(entry.getSeverity()).isEqualTo(LogSeverity.NOTICE);
    assertThat(entry.getTimestamp().getSeconds()).isEqualTo(T0.getEpochSecond());
    assertThat(entry.getTimestamp().getNanos()).isEqualTo(123456000);
    assertThat(entry.getJsonPayload().getFieldsOrThrow("hash").getStringValue())
        .isEqualTo(event.hash());
    assertThat(entry.getJsonPayload().getFieldsOrThrow("sequence").getNumberValue()).isEqualTo(1.0);
    assertThat(db.document("audit-events/" + event.id()).get().get().getBoolean("exported"))
        .isTrue();
  }

  @Test
  void whenCloudLoggingFailsTheEventStaysUnexportedAndTheSweepExportsItLaterExactlyOnce(
      Firestore db) throws Exception {
    logging.failWith(Status.UNAVAILABLE.withDescription("logging is down"));
    AuditEvent event = committed(db, "INC-20261122-BBBBBB");
    AuditExport export = export(db);

    export.exportNow(
        List.of(event)); // the change itself has committed; the export must not fail it
    assertThat(db.document("audit-events/" + event.id()).get().get().getBoolean("exported"))
        .isFalse();
    assertThat(warnings.toString(StandardCharsets.UTF_8))
        .contains("audit export deferred")
        .contains(event.id());

    logging.failWith(null);
    logging.clear();
    assertThat(export.exportPending(100))
        .as("too young: left to the request that wrote it")
        .isZero();
    clock.advance(Duration.ofMinutes(5));
    assertThat(export.exportPending(100)).isEqualTo(1);
    assertThat(export.exportPending(100)).isZero();

    List<WriteLogEntriesRequest> sent = logging.requests();
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).getEntries(0).getInsertId()).isEqualTo(event.id());
    assertThat(db.document("audit-events/" + event.id()).get().get().getBoolean("exported"))
        .isTrue();
  }
}
