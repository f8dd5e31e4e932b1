package org.meldekette.testing;

import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.FirestoreEmulatorContainer;
import org.testcontainers.utility.DockerImageName;

/** The Docker route to the emulator, for developers with Docker instead of the Google Cloud CLI. */
final class ContainerEmulator {
  private static final DockerImageName IMAGE =
      DockerImageName.parse("gcr.io/google.com/cloudsdktool/google-cloud-cli:emulators");

  private ContainerEmulator() {}

  static Optional<FirestoreEmulator> startIfDockerAnswers() {
    boolean docker;
    try {
      docker = DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      docker = false;
    }
    if (!docker) {
      return Optional.empty();
    }
    FirestoreEmulatorContainer container = new FirestoreEmulatorContainer(IMAGE);
    container.start(); // Testcontainers' Ryuk removes the container when the JVM exits
    return Optional.of(
        FirestoreEmulator.at(container.getEmulatorEndpoint(), "Testcontainers " + IMAGE));
  }
}
