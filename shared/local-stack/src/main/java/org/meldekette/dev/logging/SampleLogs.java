package org.meldekette.dev.logging;

import com.google.api.MonitoredResource;
import com.google.logging.type.LogSeverity;
import com.google.logging.v2.LogEntry;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated log entries for the local stack and the tests, spread evenly over a window: VPC Flow
 * Logs, Cloud Audit Logs (admin activity) and the functions' own request logs, in the shapes Cloud
 * Logging gives them. Addresses are from the documentation ranges; principals are service accounts;
 * nothing names a person. The same seed gives the same entries.
 */
public final class SampleLogs {
  public static final String VPC_FLOWS = "compute.googleapis.com%2Fvpc_flows";
  public static final String ADMIN_ACTIVITY = "cloudaudit.googleapis.com%2Factivity";
  private static final List<String> FUNCTIONS =
      List.of("report-intake", "incident-lifecycle", "alert-triage", "deadline-reminder");

  private SampleLogs() {}

  public static List<LogEntry> generate(
      String project, int count, Instant from, Instant to, long seed) {
    Random random = new Random(seed);
    long span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
    List<LogEntry> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Instant at = from.plusMillis(span * i / Math.max(1, count));
      entries.add(
          switch (i % 3) {
            case 0 -> vpcFlow(project, at, i, random);
            case 1 -> adminActivity(project, at, i, random);
            default -> functionRequest(project, at, i, random);
          });
    }
    return entries;
  }

  /** {@code count} VPC Flow Log entries alone. */
  public static List<LogEntry> vpcFlows(
      String project, int count, Instant from, Instant to, long seed) {
    Random random = new Random(seed);
    long span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
    List<LogEntry> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      entries.add(vpcFlow(project, from.plusMillis(span * i / Math.max(1, count)), i, random));
    }
    return entries;
  }

  private static LogEntry vpcFlow(String project, Instant at, int i, Random random) {
    Struct connection =
        Struct.newBuilder()
            .putFields("src_ip", text("192.0.2." + (1 + random.nextInt(254))))
            .putFields("dest_ip", text("198.51.100." + (1 + random.nextInt(254))))
            .putFields("src_port", number(1024 + random.nextInt(60000)))
            .putFields("dest_port", number(random.nextBoolean() ? 443 : 22))
            .putFields("protocol", number(6))
            .build();
    return base(project, VPC_FLOWS, at, i, LogSeverity.DEFAULT)
        .setResource(
            MonitoredResource.newBuilder()
                .setType("gce_subnetwork")
                .putLabels("project_id", project)
                .putLabels("subnetwork_name", "default")
                .putLabels("location", "europe-west3-a"))
        .setJsonPayload(
            Struct.newBuilder()
                .putFields("connection", Value.newBuilder().setStructValue(connection).build())
                .putFields("bytes_sent", number(random.nextInt(1_000_000)))
                .putFields("packets_sent", number(1 + random.nextInt(900)))
                .putFields("reporter", text(random.nextBoolean() ? "SRC" : "DEST")))
        .build();
  }

  private static LogEntry adminActivity(String project, Instant at, int i, Random random) {
    String[] methods = {
      "SetIamPolicy",
      "storage.buckets.update",
      "v1.compute.firewalls.patch",
      "CreateServiceAccountKey"
    };
    return base(project, ADMIN_ACTIVITY, at, i, LogSeverity.NOTICE)
        .setResource(
            MonitoredResource.newBuilder().setType("project").putLabels("project_id", project))
        .setJsonPayload(
            Struct.newBuilder()
                .putFields("methodName", text(methods[random.nextInt(methods.length)]))
                .putFields(
                    "principalEmail",
                    text(
                        "deployer-"
                            + random.nextInt(4)
                            + "@"
                            + project
                            + ".iam.gserviceaccount.com"))
                .putFields("callerIp", text("203.0.113." + (1 + random.nextInt(254)))))
        .build();
  }

  private static LogEntry functionRequest(String project, Instant at, int i, Random random) {
    int status = random.nextInt(20) == 0 ? 500 : 200;
    return base(
            project,
            "run.googleapis.com%2Frequests",
            at,
            i,
            status >= 500 ? LogSeverity.ERROR : LogSeverity.INFO)
        .setResource(
            MonitoredResource.newBuilder()
                .setType("cloud_run_revision")
                .putLabels("project_id", project)
                .putLabels("service_name", FUNCTIONS.get(random.nextInt(FUNCTIONS.size())))
                .putLabels("location", "europe-west3"))
        .setJsonPayload(
            Struct.newBuilder()
                .putFields("message", text("request finished"))
                .putFields("status", number(status))
                .putFields("latencyMs", number(5 + random.nextInt(400))))
        .build();
  }

  private static LogEntry.Builder base(
      String project, String logId, Instant at, int i, LogSeverity severity) {
    return LogEntry.newBuilder()
        .setLogName("projects/" + project + "/logs/" + logId)
        .setInsertId(String.format("sample-%08d", i))
        .setSeverity(severity)
        .setTimestamp(Timestamps.fromMillis(at.toEpochMilli()))
        .setReceiveTimestamp(Timestamps.fromMillis(at.toEpochMilli() + 350));
  }

  private static Value text(String s) {
    return Value.newBuilder().setStringValue(s).build();
  }

  private static Value number(double d) {
    return Value.newBuilder().setNumberValue(d).build();
  }
}
