package org.meldekette.bench;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.httpjson.InstantiatingHttpJsonChannelProvider;
import com.google.api.gax.rpc.BidiStreamingCallable;
import com.google.api.gax.rpc.FixedHeaderProvider;
import com.google.api.gax.rpc.ServerStreamingCallable;
import com.google.api.gax.rpc.UnaryCallable;
import com.google.cloud.NoCredentials;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import com.google.cloud.firestore.spi.v1.FirestoreRpc;
import com.google.cloud.firestore.v1.FirestoreClient;
import com.google.cloud.firestore.v1.stub.FirestoreStub;
import com.google.cloud.firestore.v1.stub.FirestoreStubSettings;
import com.google.cloud.firestore.v1.stub.HttpJsonFirestoreStub;
import com.google.firestore.v1.BatchGetDocumentsRequest;
import com.google.firestore.v1.BatchGetDocumentsResponse;
import com.google.firestore.v1.BatchWriteRequest;
import com.google.firestore.v1.BatchWriteResponse;
import com.google.firestore.v1.BeginTransactionRequest;
import com.google.firestore.v1.BeginTransactionResponse;
import com.google.firestore.v1.CommitRequest;
import com.google.firestore.v1.CommitResponse;
import com.google.firestore.v1.ExecutePipelineRequest;
import com.google.firestore.v1.ExecutePipelineResponse;
import com.google.firestore.v1.ListCollectionIdsRequest;
import com.google.firestore.v1.ListDocumentsRequest;
import com.google.firestore.v1.ListenRequest;
import com.google.firestore.v1.ListenResponse;
import com.google.firestore.v1.PartitionQueryRequest;
import com.google.firestore.v1.RollbackRequest;
import com.google.firestore.v1.RunAggregationQueryRequest;
import com.google.firestore.v1.RunAggregationQueryResponse;
import com.google.firestore.v1.RunQueryRequest;
import com.google.firestore.v1.RunQueryResponse;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A JVM's first Firestore write, over gRPC (as the functions do) or over the REST transport the
 * generated stub also has: prints the milliseconds from the JVM's start to the committed create,
 * and what a second create of the same document is answered with. Started by {@link
 * FirestoreTransportBenchmark}; the REST side exists only here, to measure what it would save.
 */
public final class FirstFirestoreCall {
  private FirstFirestoreCall() {}

  public static void main(String[] args) throws Exception {
    String transport = args[0];
    String host = args[1];
    FirestoreOptions.Builder options = FirestoreOptions.newBuilder().setProjectId(args[2]);
    if (transport.equals("rest")) {
      options.setCredentials(NoCredentials.getInstance());
      options.setServiceRpcFactory(ignored -> RestRpc.to(host));
    } else {
      options.setEmulatorHost(host);
    }
    Firestore db = options.build().getService();
    String id = "first-" + System.nanoTime();
    db.collection("transport").document(id).create(Map.of("n", 1)).get();
    long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    String conflict;
    try {
      db.collection("transport").document(id).create(Map.of("n", 2)).get();
      conflict = "none";
    } catch (ExecutionException e) {
      conflict = e.getCause().getClass().getSimpleName();
    }
    System.out.println("FIRST_WRITE_MS " + millis + " CONFLICT " + conflict);
    System.exit(0);
  }

  /** The Firestore RPCs over HTTP/JSON to an emulator. */
  private static final class RestRpc implements FirestoreRpc {
    private final FirestoreStub stub;
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);

    private RestRpc(FirestoreStub stub) {
      this.stub = stub;
    }

    static RestRpc to(String host) {
      try {
        FirestoreStubSettings.Builder settings = FirestoreStubSettings.newHttpJsonBuilder();
        settings.setEndpoint("http://" + host);
        settings.setCredentialsProvider(NoCredentialsProvider.create());
        settings.setHeaderProvider(FixedHeaderProvider.create("Authorization", "Bearer owner"));
        settings.setTransportChannelProvider(
            InstantiatingHttpJsonChannelProvider.newBuilder()
                .setEndpoint("http://" + host)
                .build());
        return new RestRpc(HttpJsonFirestoreStub.create(settings.build()));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @Override
    public UnaryCallable<CommitRequest, CommitResponse> commitCallable() {
      return stub.commitCallable();
    }

    @Override
    public UnaryCallable<BatchWriteRequest, BatchWriteResponse> batchWriteCallable() {
      return stub.batchWriteCallable();
    }

    @Override
    public ServerStreamingCallable<BatchGetDocumentsRequest, BatchGetDocumentsResponse>
        batchGetDocumentsCallable() {
      return stub.batchGetDocumentsCallable();
    }

    @Override
    public ScheduledExecutorService getExecutor() {
      return executor;
    }

    @Override
    public ServerStreamingCallable<RunQueryRequest, RunQueryResponse> runQueryCallable() {
      return stub.runQueryCallable();
    }

    @Override
    public ServerStreamingCallable<ExecutePipelineRequest, ExecutePipelineResponse>
        executePipelineCallable() {
      return stub.executePipelineCallable();
    }

    @Override
    public ServerStreamingCallable<RunAggregationQueryRequest, RunAggregationQueryResponse>
        runAggregationQueryCallable() {
      return stub.runAggregationQueryCallable();
    }

    @Override
    public UnaryCallable<BeginTransactionRequest, BeginTransactionResponse>
        beginTransactionCallable() {
      return stub.beginTransactionCallable();
    }

    @Override
    public UnaryCallable<RollbackRequest, com.google.protobuf.Empty> rollbackCallable() {
      return stub.rollbackCallable();
    }

    @Override
    public UnaryCallable<ListCollectionIdsRequest, FirestoreClient.ListCollectionIdsPagedResponse>
        listCollectionIdsPagedCallable() {
      return stub.listCollectionIdsPagedCallable();
    }

    @Override
    public UnaryCallable<PartitionQueryRequest, FirestoreClient.PartitionQueryPagedResponse>
        partitionQueryPagedCallable() {
      return stub.partitionQueryPagedCallable();
    }

    @Override
    public UnaryCallable<ListDocumentsRequest, FirestoreClient.ListDocumentsPagedResponse>
        listDocumentsPagedCallable() {
      return stub.listDocumentsPagedCallable();
    }

    @Override
    public BidiStreamingCallable<ListenRequest, ListenResponse> listenCallable() {
      throw new UnsupportedOperationException("listening needs gRPC");
    }

    @Override
    public void shutdownNow() {
      stub.shutdownNow();
      executor.shutdownNow();
    }

    @Override
    public void shutdown() {
      stub.shutdown();
      executor.shutdown();
    }

    @Override
    public void close() {
      shutdown();
    }
  }
}
