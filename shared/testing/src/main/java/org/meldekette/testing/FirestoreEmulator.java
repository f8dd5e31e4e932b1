package org.meldekette.testing;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The real Cloud Firestore emulator for a test run, found or started once per JVM, in this order:
 *
 * <ol>
 *   <li>{@code FIRESTORE_EMULATOR_HOST}, when set: an emulator someone already runs;
 *   <li>Google's emulator from the installed Google Cloud CLI, started on a free port with this
 *       project's {@code firestore.rules};
 *   <li>Testcontainers' {@code FirestoreEmulatorContainer}, when a Docker engine answers;
 *   <li>otherwise the run fails and says how to install one.
 * </ol>
 *
 * Tests isolate by data: each {@link #newDatabase()} is a fresh project ID, which the emulator
 * keeps as a database of its own, so no test ever resets or restarts the emulator under another.
 */
public final class FirestoreEmulator {
  private static FirestoreEmulator shared;

  private final String host;
  private final String origin;

  private FirestoreEmulator(String host, String origin) {
    this.host = host;
    this.origin = origin;
  }

  /** The emulator of this test run, started on first use and stopped when the JVM exits. */
  public static synchronized FirestoreEmulator shared() {
    if (shared == null) {
      shared = locate();
    }
    return shared;
  }

  /** {@code host:port}, as FIRESTORE_EMULATOR_HOST takes it. */
  public String host() {
    return host;
  }

  /** How this emulator was found, for messages. */
  public String origin() {
    return origin;
  }

  /** A client on a database nobody else uses (a fresh project ID). */
  public Firestore newDatabase() {
    return client("meldekette-test-" + UUID.randomUUID().toString().substring(0, 8));
  }

  public Firestore client(String projectId) {
    return FirestoreOptions.newBuilder()
        .setProjectId(projectId)
        .setEmulatorHost(host)
        .build()
        .getService();
  }

  private static FirestoreEmulator locate() {
    String configured = System.getenv("FIRESTORE_EMULATOR_HOST");
    if (configured != null && !configured.isBlank()) {
      awaitReady(configured.strip(), null, Duration.ofSeconds(30));
      return new FirestoreEmulator(configured.strip(), "FIRESTORE_EMULATOR_HOST");
    }
    Optional<Path> jar = EmulatorProcess.cloudSdkJar();
    if (jar.isPresent()) {
      return startFromCloudSdk(jar.get());
    }
    Optional<FirestoreEmulator> container = ContainerEmulator.startIfDockerAnswers();
    if (container.isPresent()) {
      return container.get();
    }
    throw new IllegalStateException(
        """
        No Cloud Firestore emulator for the tests. Provide one of:
          - the Google Cloud CLI with the emulator component:
              gcloud components install cloud-firestore-emulator
            (on Debian/Ubuntu: apt-get install google-cloud-cli-firestore-emulator), then run the tests again;
          - a running emulator: export FIRESTORE_EMULATOR_HOST=host:port;
          - a Docker engine, for Testcontainers' FirestoreEmulatorContainer.""");
  }

  private static FirestoreEmulator startFromCloudSdk(Path jar) {
    Path log = Path.of("target", "firestore-emulator.log").toAbsolutePath();
    EmulatorProcess process = EmulatorProcess.start(jar, freePort(), log);
    return new FirestoreEmulator(
        process.host(), "Google Cloud CLI emulator at " + jar + " (log " + log + ")");
  }

  /**
   * The SDK root: CLOUDSDK_ROOT_DIR, else where the {@code gcloud} on the PATH lives, else gcloud
   * info.
   */
  static Optional<Path> cloudSdkRoot() {
    String configured = System.getenv("CLOUDSDK_ROOT_DIR");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured));
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path gcloud = Path.of(dir, "gcloud");
      if (Files.isExecutable(gcloud)) {
        try {
          Path root = gcloud.toRealPath().getParent().getParent();
          if (Files.isDirectory(root.resolve("platform"))) {
            return Optional.of(root);
          }
        } catch (IOException ignored) {
          // fall through to asking gcloud itself
        }
        return askGcloud();
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> askGcloud() {
    try {
      Process process =
          new ProcessBuilder("gcloud", "info", "--format=value(installation.sdk_root)")
              .redirectErrorStream(false)
              .start();
      try (InputStream out = process.getInputStream()) {
        String root = new String(out.readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor();
        return root.isEmpty() ? Optional.empty() : Optional.of(Path.of(root));
      }
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * Ready when {@code GET /} answers {@code Ok}; polls, since the emulator prints no reliable
   * marker.
   */
  static void awaitReady(String host, Process process, Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (process != null && !process.isAlive()) {
        throw new IllegalStateException(
            "the Firestore emulator exited with "
                + process.exitValue()
                + "; see its log under target/");
      }
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create("http://" + host + "/"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().strip().equals("Ok")) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the Firestore emulator", e);
      }
      try {
        Thread.sleep(100); // polling an external process's readiness, not a test's timing
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the Firestore emulator", e);
      }
    }
    throw new IllegalStateException(
        "the Firestore emulator at " + host + " did not answer within " + timeout);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }

  /** An emulator someone else started, at {@code host:port}. */
  public static FirestoreEmulator at(String host, String origin) {
    return new FirestoreEmulator(host, origin);
  }
}
