package org.meldekette.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.meldekette.testing.Figures;
import org.meldekette.testing.FirestoreEmulator;

/**
 * What the REST transport would save of a cold start: fresh JVMs (with the deployed options) make
 * their first Firestore write over gRPC, as the functions do, and over HTTP/JSON ({@link
 * FirstFirestoreCall}), alternating, median of seven each. Also records how each answers a second
 * create of the same document: the code relies on ALREADY_EXISTS.
 */
@Tag("benchmark")
class FirestoreTransportBenchmark {
  private static final int STARTS = 7;

  @Test
  void firstWriteOverGrpcAndOverRest() throws Exception {
    String host = FirestoreEmulator.shared().host();
    String project = "bench-transport-" + UUID.randomUUID().toString().substring(0, 8);
    List<Double> grpc = new ArrayList<>();
    List<Double> rest = new ArrayList<>();
    String grpcConflict = null;
    String restConflict = null;
    for (int i = 0; i < STARTS; i++) {
      String[] g = firstWrite("grpc", host, project);
      String[] r = firstWrite("rest", host, project);
      grpc.add(Double.parseDouble(g[0]));
      rest.add(Double.parseDouble(r[0]));
      grpcConflict = g[1];
      restConflict = r[1];
    }
    double ratio = Figures.median(rest) / Figures.median(grpc);
    Figures.record(
        "Firestore transport: a JVM's first write (JVM start to committed create, median of "
            + STARTS
            + ", "
            + FunctionProcess.JVM_OPTIONS
            + ")",
        """
        | transport | median | all (ms) | a second create of the same document |
        |---|---|---|---|
        | gRPC (as deployed) | %d ms | %s | %s |
        | HTTP/JSON (REST) | %d ms | %s | %s |

        REST against gRPC: ratio %.2f.
        """
            .formatted(
                Math.round(Figures.median(grpc)),
                rounded(grpc),
                grpcConflict,
                Math.round(Figures.median(rest)),
                rounded(rest),
                restConflict,
                ratio));
    Figures.measured("first Firestore write, REST / gRPC transport", ratio, "reported", true);
    assertThat(grpcConflict).isEqualTo("AlreadyExistsException");
  }

  private static List<Long> rounded(List<Double> values) {
    return values.stream().map(Math::round).toList();
  }

  /** Milliseconds to the first write, and the exception a repeated create got. */
  private static String[] firstWrite(String transport, String host, String project)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(FunctionProcess.JVM_OPTIONS.split(" ")));
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            FirstFirestoreCall.class.getName(),
            transport,
            host,
            project));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    String line =
        output.lines().filter(l -> l.startsWith("FIRST_WRITE_MS ")).findFirst().orElseThrow();
    String[] parts = line.split(" ");
    return new String[] {parts[1], parts[3]};
  }
}
