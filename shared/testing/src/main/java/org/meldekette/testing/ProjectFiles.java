package org.meldekette.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds files at the project's top level from any module's working directory. */
public final class ProjectFiles {
  private ProjectFiles() {}

  /** The nearest {@code name} in the working directory or above it. */
  public static Optional<Path> find(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(name);
      if (Files.exists(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The project's top directory: where firebase.json is. */
  public static Path root() {
    return find("firebase.json")
        .map(Path::getParent)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "firebase.json not found above " + Path.of("").toAbsolutePath()));
  }
}
