package org.meldekette.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.meldekette.testing.ProjectFiles;

/**
 * What a deployable jar holds: the function with the domain and the adapters, never the local
 * stand-ins or test support (a token issuer that anyone can run must not ship to production).
 */
class DeployableJarTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "report-intake",
        "incident-lifecycle",
        "alert-triage",
        "deadline-reminder",
        "mailbox",
        "evidence-vault"
      })
  void holdsTheFunctionAndNoLocalStandIn(String function) throws IOException {
    Path jar =
        ProjectFiles.root()
            .resolve("functions/" + function + "/target/deployment/" + function + ".jar");
    assertThat(jar).as("built by the function's module before this one").exists();
    try (JarFile file = new JarFile(jar.toFile())) {
      List<String> entries = file.stream().map(e -> e.getName()).toList();
      // Reproducible: the project's own entries carry project.build.outputTimestamp (the shaded
      // libraries keep the times of their own jars), so the same sources give the same jar and
      // infra
      // (which names each upload by the jar's digest) redeploys nothing unchanged.
      assertThat(
              file.stream()
                  .filter(e -> e.getName().startsWith("org/meldekette/"))
                  .map(e -> e.getLastModifiedTime().toInstant())
                  .distinct()
                  .toList())
          .as("one time for every entry of ours, never the build's")
          .hasSize(1)
          .allMatch(at -> at.isBefore(java.time.Instant.parse("2026-01-02T00:00:00Z")));
      assertThat(entries)
          .as("the function, the domain and the store")
          .contains(
              "org/meldekette/domain/lifecycle/PhaseRules.class",
              "org/meldekette/store/IncidentStore.class");
      assertThat(entries)
          .filteredOn(name -> name.startsWith("org/meldekette/dev/"))
          .as("local stand-ins")
          .isEmpty();
      assertThat(entries)
          .filteredOn(name -> name.startsWith("org/meldekette/testing/"))
          .as("test support")
          .isEmpty();
      assertThat(entries)
          .as("gRPC's transport, for Firestore and Cloud Logging")
          .contains("io/grpc/netty/shaded/io/grpc/netty/NettyChannelBuilder.class");
      assertThat(entries)
          .filteredOn(
              name ->
                  name.startsWith("io/grpc/xds/")
                      || name.startsWith("io/opentelemetry/sdk/")
                      || name.startsWith("com/google/monitoring/")
                      || name.endsWith(".dll")
                      || name.endsWith(".jnilib"))
          .as("xDS, client metrics and other platforms' natives")
          .isEmpty();
      // Every function queues tasks: reminders, and the announcement of a new incident.
      assertThat(entries.contains("com/google/cloud/tasks/v2/CloudTasksClient.class"))
          .as("the Cloud Tasks client")
          .isTrue();
      assertThat(
              entries.contains(
                  "com/google/cloud/secretmanager/v1/SecretManagerServiceClient.class"))
          .as("the Secret Manager client")
          .isEqualTo(function.equals("deadline-reminder") || function.equals("mailbox"));
      assertThat(entries.contains("org/eclipse/angus/mail/imap/IMAPStore.class"))
          .as("the IMAP and SMTP client, only where mail is read and sent")
          .isEqualTo(function.equals("mailbox"));
      assertThat(entries.contains("com/google/cloud/storage/Storage.class"))
          .as("the Cloud Storage client, only where the vault is")
          .isEqualTo(function.equals("evidence-vault"));
    }
    System.out.printf("%s.jar: %.1f MiB%n", function, Files.size(jar) / 1048576.0);
  }
}
