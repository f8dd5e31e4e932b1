package org.meldekette.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.meldekette.dev.LocalTaskQueue;
import org.meldekette.testing.Figures;
import org.meldekette.testing.FirestoreEmulator;
import org.meldekette.testing.ProjectFiles;
import org.meldekette.testing.TestHttp;

/**
 * Cold start: from JVM launch to the first 201 of report-intake (deployable jar, first Firestore
 * commit included) against a trivial function under the same invoker, alternating, median of seven
 * starts each. Target: at most 2.0 times the trivial function. Also the size of every deployable
 * jar.
 */
@Tag("benchmark")
class ColdStartBenchmark {
  private static final int STARTS = 7;
  private static final String REPORT =
      """
      {"kind":"SECURITY_INCIDENT","title":"Cold start","description":"Measured by the cold start benchmark."}""";

  @Test
  void reportIntakeAgainstATrivialFunction() throws Exception {
    FirestoreEmulator emulator = FirestoreEmulator.shared();
    // The announcement of each new incident goes to a local task queue (over HTTP): deployed it is
    // Cloud Tasks, whose client this figure does not include.
    LocalTaskQueue queue = new LocalTaskQueue(0, "tasks@meldekette.bench", Clock.systemUTC());
    Map<String, String> env =
        FunctionProcess.unthrottled(
            FunctionProcess.withTaskQueue(
                Map.of(
                    "FIRESTORE_EMULATOR_HOST",
                    emulator.host(),
                    "GOOGLE_CLOUD_PROJECT",
                    "bench-cold-" + UUID.randomUUID().toString().substring(0, 8),
                    "AUDIT_SINK",
                    "stdout"),
                queue.url()));
    Path logs = ProjectFiles.root().resolve("target/bench");
    Path trivialClasspath =
        Path.of(TrivialFunction.class.getProtectionDomain().getCodeSource().getLocation().toURI());

    List<Double> trivial = new ArrayList<>();
    List<Double> intake = new ArrayList<>();
    for (int i = 0; i < STARTS; i++) {
      trivial.add(
          firstCreated(
              FunctionProcess.start(
                  trivialClasspath,
                  TrivialFunction.class.getName(),
                  Map.of(),
                  logs.resolve("cold-trivial.log"))));
      intake.add(
          firstCreated(
              FunctionProcess.start(
                  FunctionProcess.deploymentJar("report-intake"),
                  "org.meldekette.intake.ReportIntakeFunction",
                  env,
                  logs.resolve("cold-report-intake.log"))));
    }
    // Once more each, counting the classes loaded up to the first answer (the process is stopped
    // right after it): what the start-up path pulls in.
    Path trivialClasses = logs.resolve("classes-trivial.log");
    Path intakeClasses = logs.resolve("classes-report-intake.log");
    firstCreated(
        FunctionProcess.startLoggingClasses(
            trivialClasspath,
            TrivialFunction.class.getName(),
            Map.of(),
            logs.resolve("cold-trivial.log"),
            trivialClasses));
    firstCreated(
        FunctionProcess.startLoggingClasses(
            FunctionProcess.deploymentJar("report-intake"),
            "org.meldekette.intake.ReportIntakeFunction",
            env,
            logs.resolve("cold-report-intake.log"),
            intakeClasses));
    queue.close();
    long trivialLoaded = loaded(trivialClasses, "");
    long intakeLoaded = loaded(intakeClasses, "");
    long grpcLoaded = loaded(intakeClasses, " io.grpc.") + loaded(intakeClasses, " io.netty.");
    long protobufLoaded = loaded(intakeClasses, " com.google.protobuf.");
    double trivialMedian = Figures.median(trivial);
    double intakeMedian = Figures.median(intake);
    double ratio = intakeMedian / trivialMedian;

    StringBuilder jars = new StringBuilder("| function | deployable jar |\n|---|---|\n");
    for (String function :
        List.of("report-intake", "alert-triage", "incident-lifecycle", "deadline-reminder")) {
      jars.append(
          String.format(
              "| %s | %.1f MiB |%n",
              function, Files.size(FunctionProcess.deploymentJar(function)) / 1048576.0));
    }
    Figures.record(
        "Cold start (JVM launch to first 201, median of "
            + STARTS
            + ", JVM options "
            + FunctionProcess.JVM_OPTIONS
            + ")",
        String.format(
            """
        | function | median | all starts (ms) |
        |---|---|---|
        | trivial HTTP function | %.0f ms | %s |
        | report-intake (first report stored) | %.0f ms | %s |

        Ratio report-intake / trivial: **%.2f** (target at most 2.0: %s)

        Classes loaded up to the first answer: trivial function %,d; report-intake %,d, of them
        gRPC and Netty %,d, protobuf %,d.

        %s""",
            trivialMedian,
            rounded(trivial),
            intakeMedian,
            rounded(intake),
            ratio,
            ratio <= 2.0 ? "met" : "MISSED",
            trivialLoaded,
            intakeLoaded,
            grpcLoaded,
            protobufLoaded,
            jars));
    Figures.measured("cold start, report-intake / trivial function", ratio, "≤ 2.0", ratio <= 2.0);
    Figures.measured(
        "classes loaded to the first answer, report-intake", intakeLoaded, "reported", true);
    assertThat(intake).allMatch(ms -> ms > 0);
  }

  /** Milliseconds from the launch of the process to the first 201 it answers; then stops it. */
  private static double firstCreated(FunctionProcess function) throws Exception {
    try (function) {
      long deadline = System.nanoTime() + 120_000_000_000L;
      while (System.nanoTime() < deadline) {
        if (!function.alive()) {
          throw new IllegalStateException("the function exited; see target/bench/cold-*.log");
        }
        int status;
        try {
          status =
              TestHttp.send("POST", function.uri("/"), REPORT, "Content-Type", "application/json")
                  .statusCode();
        } catch (IllegalStateException notListeningYet) {
          Thread.sleep(2); // polling another process until it listens
          continue;
        }
        if (status != 201) {
          throw new IllegalStateException("the function answered " + status);
        }
        return (System.nanoTime() - function.startedNanos) / 1e6;
      }
      throw new IllegalStateException("no 201 within two minutes");
    }
  }

  /** Lines of a class-load log (every one, or those naming a class that starts {@code with}). */
  private static long loaded(Path classLog, String with) throws java.io.IOException {
    try (var lines = Files.lines(classLog)) {
      return lines.filter(line -> line.contains(with)).count();
    }
  }

  private static String rounded(List<Double> values) {
    return values.stream().map(v -> String.valueOf(Math.round(v))).toList().toString();
  }
}
