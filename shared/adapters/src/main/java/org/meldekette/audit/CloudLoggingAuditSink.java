package org.meldekette.audit;

import com.google.api.MonitoredResource;
import com.google.cloud.logging.v2.LoggingClient;
import com.google.logging.type.LogSeverity;
import com.google.logging.v2.LogEntry;
import com.google.logging.v2.WriteLogEntriesRequest;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.meldekette.domain.AuditEvent;
import org.meldekette.json.Json;

/**
 * Writes audit events to the dedicated log {@code meldekette-audit} through google-cloud-logging's
 * {@link LoggingClient}, synchronously: a function's CPU is throttled once it has answered, so a
 * buffered write could be lost. Each entry's insert ID is the event's ID, so writing an event again
 * (after a lost acknowledgment) gives Cloud Logging a duplicate it drops, not a second entry.
 */
public final class CloudLoggingAuditSink implements AuditSink {
  private final Supplier<LoggingClient> client;
  private final String project;

  public CloudLoggingAuditSink(Supplier<LoggingClient> client, String project) {
    this.client = client;
    this.project = project;
  }

  @Override
  public void write(List<AuditEvent> events) throws Exception {
    if (events.isEmpty()) {
      return;
    }
    List<LogEntry> entries = new ArrayList<>();
    for (AuditEvent event : events) {
      Struct.Builder payload = Struct.newBuilder();
      JsonFormat.parser().merge(Json.write(AuditEntries.payload(event)), payload);
      entries.add(
          LogEntry.newBuilder()
              .setInsertId(event.id())
              .setTimestamp(
                  Timestamp.newBuilder()
                      .setSeconds(event.at().getEpochSecond())
                      .setNanos(event.at().getNano()))
              .setSeverity(LogSeverity.NOTICE)
              .putAllLabels(AuditEntries.labels(event))
              .setJsonPayload(payload)
              .build());
    }
    client
        .get()
        .writeLogEntries(
            WriteLogEntriesRequest.newBuilder()
                .setLogName("projects/" + project + "/logs/" + LOG_NAME)
                .setResource(
                    MonitoredResource.newBuilder()
                        .setType("global")
                        .putLabels("project_id", project))
                .addAllEntries(entries)
                .setPartialSuccess(false)
                .build());
  }
}
