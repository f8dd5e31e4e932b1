package org.meldekette.testing;

import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import com.google.firestore.v1.BatchGetDocumentsResponse;
import com.google.firestore.v1.RunQueryResponse;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what a Firestore client sends, with a gRPC client interceptor on the real client: calls by
 * method ({@code Commit}, {@code BeginTransaction}, {@code BatchGetDocuments}, {@code RunQuery},
 * ...) and the documents that came back. A round trip is one call; a read is one document returned.
 */
public final class FirestoreCalls implements ClientInterceptor {
  private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
  private final AtomicLong documentsRead = new AtomicLong();

  /**
   * A client on {@code projectId} at the emulator {@code host} whose every call this counter sees.
   */
  public Firestore client(String host, String projectId) {
    return client(host, projectId, null);
  }

  /**
   * As {@link #client(String, String)}, giving up on each call after {@code timeout} (null: the
   * defaults).
   */
  public Firestore client(String host, String projectId, Duration timeout) {
    if (System.getenv("FIRESTORE_EMULATOR_HOST") != null) {
      // FirestoreOptions would replace this channel (and its interceptor) with one of its own.
      throw new IllegalStateException(
          "counting Firestore calls needs FIRESTORE_EMULATOR_HOST unset");
    }
    FirestoreOptions.Builder options =
        FirestoreOptions.newBuilder()
            .setProjectId(projectId)
            .setChannelProvider(
                InstantiatingGrpcChannelProvider.newBuilder()
                    .setEndpoint(host)
                    .setChannelConfigurator(ManagedChannelBuilder::usePlaintext)
                    .setInterceptorProvider(() -> List.of(this))
                    .build())
            .setCredentialsProvider(
                FixedCredentialsProvider.create(new FirestoreOptions.EmulatorCredentials()));
    if (timeout != null) {
      options.setRetrySettings(
          RetrySettings.newBuilder().setTotalTimeoutDuration(timeout).setMaxAttempts(2).build());
    }
    return options.build().getService();
  }

  /** Calls by method name since the last {@link #reset()}, sorted by name. */
  public Map<String, Long> calls() {
    Map<String, Long> snapshot = new TreeMap<>();
    calls.forEach(
        (method, count) -> {
          if (count.get() > 0) {
            snapshot.put(method, count.get());
          }
        });
    return snapshot;
  }

  public long totalCalls() {
    return calls.values().stream().mapToLong(AtomicLong::get).sum();
  }

  public long documentsRead() {
    return documentsRead.get();
  }

  /** A Markdown table row: the operation, its calls by method, round trips and documents read. */
  public String row(String operation, String note) {
    return "| "
        + operation
        + " | "
        + calls().toString().replaceAll("[{}]", "").replace("=", " ")
        + " | "
        + totalCalls()
        + " | "
        + documentsRead()
        + " | "
        + note
        + " |\n";
  }

  /** The header of the table {@link #row} fills. */
  public static String header() {
    return "| operation | Firestore calls | round trips | documents read | note |\n|---|---|---|---|---|\n";
  }

  public void reset() {
    calls.clear();
    documentsRead.set(0);
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    calls.computeIfAbsent(method.getBareMethodName(), name -> new AtomicLong()).incrementAndGet();
    return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
      @Override
      public void start(Listener<R> listener, Metadata headers) {
        super.start(
            new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
              @Override
              public void onMessage(R message) {
                if (message instanceof RunQueryResponse query && query.hasDocument()) {
                  documentsRead.incrementAndGet();
                } else if (message instanceof BatchGetDocumentsResponse batch && batch.hasFound()) {
                  documentsRead.incrementAndGet();
                }
                super.onMessage(message);
              }
            },
            headers);
      }
    };
  }
}
