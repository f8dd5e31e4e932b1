package org.meldekette.testing;

import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.protobuf.Message;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A gRPC server in the test's own process for Google APIs without an emulator (Cloud Logging, Cloud
 * Tasks, Secret Manager), built from the proto messages alone: each method records the requests it
 * received and answers with the test's function, or fails with a status the test sets. The real
 * client library talks to it through an in-process channel, as Google's generated client tests do.
 */
public final class InProcessGrpcServer implements AutoCloseable {
  private final String name = "grpc-test-" + UUID.randomUUID();
  private final String serviceName;
  private final ServerServiceDefinition.Builder service;
  private final List<Message> requests = Collections.synchronizedList(new ArrayList<>());
  private volatile Status failure;
  private Server server;
  private ManagedChannel channel;

  public InProcessGrpcServer(String serviceName) {
    this.serviceName = serviceName;
    this.service = ServerServiceDefinition.builder(serviceName);
  }

  /** Adds a unary method {@code service/method} answering with {@code answer}. */
  @SuppressWarnings("unchecked")
  public <Q extends Message, A extends Message> InProcessGrpcServer unary(
      String method, Q requestPrototype, A responsePrototype, Function<Q, A> answer) {
    MethodDescriptor<Q, A> descriptor =
        MethodDescriptor.<Q, A>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(MethodDescriptor.generateFullMethodName(serviceName, method))
            .setRequestMarshaller(
                ProtoUtils.marshaller((Q) requestPrototype.getDefaultInstanceForType()))
            .setResponseMarshaller(
                ProtoUtils.marshaller((A) responsePrototype.getDefaultInstanceForType()))
            .build();
    service.addMethod(
        descriptor,
        ServerCalls.asyncUnaryCall(
            (request, observer) -> {
              requests.add(request);
              Status fail = failure;
              if (fail != null) {
                observer.onError(fail.asRuntimeException());
                return;
              }
              try {
                observer.onNext(answer.apply(request));
                observer.onCompleted();
              } catch (io.grpc.StatusRuntimeException e) {
                observer.onError(e);
              }
            }));
    return this;
  }

  public InProcessGrpcServer start() throws IOException {
    server =
        InProcessServerBuilder.forName(name)
            .directExecutor()
            .addService(service.build())
            .build()
            .start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().usePlaintext().build();
    return this;
  }

  /** What a client's settings take as transport: the in-process channel. */
  public TransportChannelProvider channelProvider() {
    return FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
  }

  /** Every later call fails with {@code status} (null: answer again). */
  public void failWith(Status status) {
    failure = status;
  }

  @SuppressWarnings("unchecked")
  public <Q extends Message> List<Q> requests() {
    synchronized (requests) {
      return (List<Q>) List.copyOf(requests);
    }
  }

  public void clear() {
    requests.clear();
  }

  @Override
  public void close() {
    if (channel != null) {
      channel.shutdownNow();
    }
    if (server != null) {
      server.shutdownNow();
    }
  }
}
