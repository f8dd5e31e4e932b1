package org.meldekette.bench;

import com.google.cloud.functions.invoker.runner.Invoker;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.meldekette.testing.FunctionServer;
import org.meldekette.testing.ProjectFiles;

/**
 * A function as Cloud Functions runs it: its deployable jar (or any classpath) under the Functions
 * Framework invoker, in a JVM of its own, with the JVM options Terraform deploys and the memory of
 * a 256 MiB instance.
 */
final class FunctionProcess implements AutoCloseable {
  /**
   * What infra/functions.tf sets ({@code JAVA_TOOL_OPTIONS}), plus the heap sizing the JVM would
   * choose in a 256 MiB container.
   */
  static final String JVM_OPTIONS = deployedJvmOptions() + " -XX:MaxRAM=256m";

  private static String deployedJvmOptions() {
    try {
      java.util.regex.Matcher options =
          java.util.regex.Pattern.compile("JAVA_TOOL_OPTIONS\\s*=\\s*\"([^\"]*)\"")
              .matcher(Files.readString(ProjectFiles.root().resolve("infra/functions.tf")));
      if (!options.find()) {
        throw new IllegalStateException("infra/functions.tf sets no JAVA_TOOL_OPTIONS");
      }
      return options.group(1);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private final Process process;
  private final int port;
  final long startedNanos;

  private FunctionProcess(Process process, int port, long startedNanos) {
    this.process = process;
    this.port = port;
    this.startedNanos = startedNanos;
  }

  /** The deployable jar of {@code functions/<name>}. */
  /**
   * {@code env} with a local task queue: the functions announce each new incident through one
   * (deployed, Cloud Tasks). The tasks are held, never delivered.
   */
  static Map<String, String> withTaskQueue(Map<String, String> env, String queueUrl) {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("TASK_QUEUE", "local");
    all.put("LOCAL_TASK_QUEUE_URL", queueUrl);
    all.putIfAbsent("TASKS_TARGET_URL", "http://127.0.0.1:9");
    return all;
  }

  /**
   * report-intake's environment for a benchmark: it sends more reports from one address than any
   * person would, so the per-client budgets and the surge rate are raised (their defaults are
   * tested in AbuseTest); otherwise every report after the fifth is a 429.
   */
  static Map<String, String> unthrottled(Map<String, String> env) {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("REPORT_CLIENT_LIMITS", "1000000/PT10M");
    all.put("REPORT_SURGE_RATE", "1000000/PT10M");
    return all;
  }

  static Path deploymentJar(String name) {
    Path jar =
        ProjectFiles.root().resolve("functions/" + name + "/target/deployment/" + name + ".jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: build with mvn package first (./bench.sh does)");
    }
    return jar;
  }

  static FunctionProcess start(Path classpath, String target, Map<String, String> env, Path log)
      throws IOException {
    return start(classpath, target, env, log, FunctionServer.freePort());
  }

  /** On a port chosen before, for a function that must know its own URL. */
  static FunctionProcess start(
      Path classpath, String target, Map<String, String> env, Path log, int port)
      throws IOException {
    return start(classpath, target, env, log, port, JVM_OPTIONS);
  }

  /** As {@link #start}, every class the JVM loads written to {@code classLog}, one per line. */
  static FunctionProcess startLoggingClasses(
      Path classpath, String target, Map<String, String> env, Path log, Path classLog)
      throws IOException {
    Files.deleteIfExists(classLog);
    return start(
        classpath,
        target,
        env,
        log,
        FunctionServer.freePort(),
        JVM_OPTIONS + " -Xlog:class+load=info:file=" + classLog);
  }

  private static FunctionProcess start(
      Path classpath, String target, Map<String, String> env, Path log, int port, String jvmOptions)
      throws IOException {
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    invokerJar().toString(),
                    "--classpath",
                    classpath.toString(),
                    "--target",
                    target,
                    "--port",
                    String.valueOf(port)))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    environment.remove("FIRESTORE_EMULATOR_HOST");
    environment.putAll(new HashMap<>(env));
    environment.put("JAVA_TOOL_OPTIONS", jvmOptions);
    long started = System.nanoTime();
    Process process = builder.start();
    return new FunctionProcess(process, port, started);
  }

  /**
   * Waits until the function accepts connections (a TCP connect: any request would be handled as an
   * event).
   */
  FunctionProcess awaitListening() throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline && process.isAlive()) {
      try (Socket socket = new Socket("127.0.0.1", port)) {
        return this;
      } catch (IOException notYet) {
        Thread.sleep(2); // polling another process until it listens
      }
    }
    throw new IllegalStateException(
        "the function did not start listening; see its log in target/bench");
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Peak resident memory so far (VmHWM), in MiB. */
  double peakResidentMib() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    }
    throw new IllegalStateException("no VmHWM for process " + process.pid());
  }

  private static Path invokerJar() {
    try {
      return Path.of(Invoker.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }
}
