package org.meldekette.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One Cloud Firestore emulator process from the Google Cloud CLI, on a port of the caller's
 * choosing. The shared emulator of a test run is one; the outage test starts its own, because it
 * stops it: it exports the data (what a real Firestore keeps through an outage), kills the process
 * and starts a new one on the same port from the export.
 */
public final class EmulatorProcess implements AutoCloseable {
  private static final String EMULATOR_JAR =
      "platform/cloud-firestore-emulator/cloud-firestore-emulator.jar";

  private final Path jar;
  private final int port;
  private final Path log;
  private Process process;

  private EmulatorProcess(Path jar, int port, Path log) {
    this.jar = jar;
    this.port = port;
    this.log = log;
  }

  /** The emulator jar of the installed Google Cloud CLI, if there is one. */
  public static Optional<Path> cloudSdkJar() {
    return FirestoreEmulator.cloudSdkRoot()
        .map(root -> root.resolve(EMULATOR_JAR))
        .filter(Files::isRegularFile);
  }

  /** Starts an emulator on {@code port}, logging to {@code log}, and waits until it answers. */
  public static EmulatorProcess start(Path jar, int port, Path log) {
    EmulatorProcess emulator = new EmulatorProcess(jar, port, log);
    try {
      Files.deleteIfExists(log); // one log per run; a restart appends to it
    } catch (IOException e) {
      throw new IllegalStateException("cannot replace " + log, e);
    }
    emulator.launch(null);
    return emulator;
  }

  /** {@code host:port}, as FIRESTORE_EMULATOR_HOST takes it. */
  public String host() {
    return "127.0.0.1:" + port;
  }

  /**
   * Writes the data of {@code projectId} to a new export in {@code directory}, through the
   * emulator's own API.
   */
  public Path export(String projectId, Path directory) throws IOException, InterruptedException {
    Files.createDirectories(directory);
    String body =
        "{\"database\":\"projects/"
            + projectId
            + "/databases/(default)\",\"export_directory\":\""
            + directory.toAbsolutePath()
            + "\"}";
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://" + host() + "/emulator/v1/projects/" + projectId + ":export"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "emulator export failed: " + response.statusCode() + " " + response.body());
    }
    try (Stream<Path> files = Files.walk(directory)) {
      return files
          .filter(file -> file.toString().endsWith(".overall_export_metadata"))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "the emulator wrote no export metadata to " + directory));
    }
  }

  /** Kills the process at once, as a crash would; whatever was not exported is gone. */
  public void kill() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor();
  }

  /** Starts the emulator again on the same port with the data of an export. */
  public void restartFrom(Path exportMetadata) {
    launch(exportMetadata);
  }

  private void launch(Path importData) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                jar.toString(),
                "com.google.cloud.datastore.emulator.firestore.CloudFirestore",
                "start",
                "--host=127.0.0.1",
                "--port=" + port));
    ProjectFiles.find("firestore.rules").ifPresent(rules -> command.add("--rules=" + rules));
    if (importData != null) {
      command.add("--import-data=" + importData);
    }
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      Process started = process;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    started.descendants().forEach(ProcessHandle::destroy);
                    started.destroy();
                  }));
      FirestoreEmulator.awaitReady(host(), process, Duration.ofSeconds(60));
    } catch (IOException e) {
      throw new IllegalStateException("could not start the Firestore emulator from " + jar, e);
    }
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
  }
}
