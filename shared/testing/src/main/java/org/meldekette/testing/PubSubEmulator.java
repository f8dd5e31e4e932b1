package org.meldekette.testing;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The Cloud SDK's Pub/Sub emulator for end-to-end tests: {@code PUBSUB_EMULATOR_HOST} when set,
 * else started once per JVM from the installed Google Cloud CLI on a free port.
 */
public final class PubSubEmulator {
  private static PubSubEmulator shared;
  private final String host;
  private final ManagedChannel channel;

  private PubSubEmulator(String host) {
    this.host = host;
    this.channel = ManagedChannelBuilder.forTarget(host).usePlaintext().build();
  }

  public static synchronized PubSubEmulator shared() {
    if (shared == null) {
      String configured = System.getenv("PUBSUB_EMULATOR_HOST");
      shared =
          new PubSubEmulator(
              configured != null && !configured.isBlank() ? configured.strip() : start());
    }
    return shared;
  }

  public String host() {
    return host;
  }

  /** Clients of google-cloud-pubsub take these to talk to the emulator. */
  public TransportChannelProvider channels() {
    return FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
  }

  public CredentialsProvider credentials() {
    return NoCredentialsProvider.create();
  }

  private static String start() {
    Path root =
        FirestoreEmulator.cloudSdkRoot()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no Google Cloud CLI for the Pub/Sub emulator: install it with the pubsub-emulator component, or set PUBSUB_EMULATOR_HOST"));
    Path jar = null;
    try (DirectoryStream<Path> jars =
        Files.newDirectoryStream(root.resolve("platform/pubsub-emulator/lib"), "*.jar")) {
      for (Path candidate : jars) {
        jar = candidate;
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "the Pub/Sub emulator is not installed: gcloud components install pubsub-emulator", e);
    }
    if (jar == null) {
      throw new IllegalStateException(
          "the Pub/Sub emulator is not installed: gcloud components install pubsub-emulator");
    }
    int port = FirestoreEmulator.freePort();
    Path log = Path.of("target", "pubsub-emulator.log").toAbsolutePath();
    try {
      Files.createDirectories(log.getParent());
      Process process =
          new ProcessBuilder(
                  List.of(
                      Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                      "-cp",
                      jar.toString(),
                      "com.google.cloud.pubsub.testing.v1.Main",
                      "--host=127.0.0.1",
                      "--port=" + port))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
      FirestoreEmulator.awaitReady("127.0.0.1:" + port, process, Duration.ofSeconds(60));
      return "127.0.0.1:" + port;
    } catch (IOException e) {
      throw new IllegalStateException("could not start the Pub/Sub emulator", e);
    }
  }
}
