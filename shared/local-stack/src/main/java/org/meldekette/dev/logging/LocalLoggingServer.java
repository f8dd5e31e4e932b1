package org.meldekette.dev.logging;

import com.google.logging.v2.ListLogEntriesRequest;
import com.google.logging.v2.ListLogEntriesResponse;
import com.google.logging.v2.LogEntry;
import com.google.protobuf.util.Timestamps;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A small Cloud Logging for the local stack and the tests: {@code entries.list} over gRPC (the real
 * {@code google-cloud-logging} client talks to it), paged, ordered by time, with the filters {@link
 * LogFilter} understands. It serves the entries it was given. Never deployed.
 *
 * <p>Arguments: {@code port project count}: serves {@code count} sample entries ({@link
 * SampleLogs}) of the last 48 hours.
 */
public final class LocalLoggingServer implements AutoCloseable {
  static final String SERVICE = "google.logging.v2.LoggingServiceV2";
  private static final int MAX_PAGE = 1000;

  private final List<LogEntry> entries;
  private final Server server;
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final AtomicInteger pagesServed = new AtomicInteger();

  private LocalLoggingServer(int port, List<LogEntry> entries) throws IOException {
    List<LogEntry> sorted = new ArrayList<>(entries);
    sorted.sort(
        Comparator.comparing((LogEntry e) -> Timestamps.toNanos(e.getTimestamp()))
            .thenComparing(LogEntry::getInsertId));
    this.entries = List.copyOf(sorted);
    MethodDescriptor<ListLogEntriesRequest, ListLogEntriesResponse> list =
        MethodDescriptor.<ListLogEntriesRequest, ListLogEntriesResponse>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "ListLogEntries"))
            .setRequestMarshaller(ProtoUtils.marshaller(ListLogEntriesRequest.getDefaultInstance()))
            .setResponseMarshaller(
                ProtoUtils.marshaller(ListLogEntriesResponse.getDefaultInstance()))
            .build();
    ServerServiceDefinition service =
        ServerServiceDefinition.builder(SERVICE)
            .addMethod(
                list,
                ServerCalls.asyncUnaryCall(
                    (request, observer) -> {
                      try {
                        observer.onNext(list(request));
                        observer.onCompleted();
                      } catch (io.grpc.StatusRuntimeException e) {
                        observer.onError(e);
                      }
                    }))
            .build();
    this.server =
        Grpc.newServerBuilderForPort(port, InsecureServerCredentials.create())
            .addService(service)
            .build()
            .start();
  }

  public static LocalLoggingServer start(int port, List<LogEntry> entries) throws IOException {
    return new LocalLoggingServer(port, entries);
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    String project = args[1];
    int count = Integer.parseInt(args[2]);
    Instant now = Clock.systemUTC().instant();
    LocalLoggingServer server =
        start(port, SampleLogs.generate(project, count, now.minus(Duration.ofHours(48)), now, 1));
    System.out.println(
        "Local Cloud Logging (entries.list) on 127.0.0.1:"
            + port
            + " with "
            + count
            + " sample entries");
    server.server.awaitTermination();
  }

  /** host:port, as {@code LOGGING_ENDPOINT} names it. */
  public String endpoint() {
    return "127.0.0.1:" + server.getPort();
  }

  /**
   * The next {@code count} page requests are refused (PERMISSION_DENIED, which its client does not
   * retry): how a test stops a capture half-way.
   */
  public void failNext(int count) {
    failuresLeft.set(count);
  }

  /** How many of the failures asked for are still to come. */
  public int pendingFailures() {
    return failuresLeft.get();
  }

  /** How many pages were served: how a test sees how far a capture got. */
  public int pagesServed() {
    return pagesServed.get();
  }

  private ListLogEntriesResponse list(ListLogEntriesRequest request) {
    if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw Status.PERMISSION_DENIED
          .withDescription("the local Cloud Logging fails on purpose")
          .asRuntimeException();
    }
    if (!request.getOrderBy().isEmpty() && !request.getOrderBy().equals("timestamp asc")) {
      throw Status.INVALID_ARGUMENT
          .withDescription("only timestamp asc is served")
          .asRuntimeException();
    }
    Predicate<LogEntry> filter;
    try {
      filter = LogFilter.parse(request.getFilter());
    } catch (RuntimeException e) {
      throw Status.INVALID_ARGUMENT
          .withDescription("Unparseable filter: " + e.getMessage())
          .asRuntimeException();
    }
    List<String> projects =
        request.getResourceNamesList().stream().map(r -> r.replaceFirst("^projects/", "")).toList();
    int from = request.getPageToken().isEmpty() ? 0 : Integer.parseInt(request.getPageToken());
    int size = request.getPageSize() <= 0 ? 50 : Math.min(request.getPageSize(), MAX_PAGE);
    ListLogEntriesResponse.Builder page = ListLogEntriesResponse.newBuilder();
    int i = from;
    while (i < entries.size() && page.getEntriesCount() < size) {
      LogEntry entry = entries.get(i++);
      if (inProjects(entry, projects) && filter.test(entry)) {
        page.addEntries(entry);
      }
    }
    if (i < entries.size()) {
      page.setNextPageToken(String.valueOf(i));
    }
    pagesServed.incrementAndGet();
    return page.build();
  }

  private static boolean inProjects(LogEntry entry, List<String> projects) {
    return projects.isEmpty()
        || projects.stream().anyMatch(p -> entry.getLogName().startsWith("projects/" + p + "/"));
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
