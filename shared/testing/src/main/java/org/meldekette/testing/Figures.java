package org.meldekette.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where benchmarks put their figures: printed, and appended as Markdown to {@code
 * target/bench/figures.md} at the project's top, which {@code ./bench.sh} shows at the end and the
 * README quotes.
 */
public final class Figures {
  private Figures() {}

  public static void record(String title, String markdown) {
    String section = "### " + title + "\n\n" + markdown.strip() + "\n\n";
    System.out.print("\n" + section);
    Path file = ProjectFiles.root().resolve("target/bench/figures.md");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          section,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One figure with its target, appended to {@code target/bench/figures.jsonl}: {@code ./bench.sh}
   * prints every figure of the run beside its target and the previous run's ({@code
   * bench/previous.jsonl}).
   */
  public static void measured(String name, double value, String target, boolean met) {
    String line =
        String.format(
                java.util.Locale.ROOT,
                "{\"name\":\"%s\",\"value\":%.4f,\"target\":\"%s\",\"met\":%s}",
                name.replace("\"", "'"),
                value,
                target.replace("\"", "'"),
                met)
            + "\n";
    Path file = ProjectFiles.root().resolve("target/bench/figures.jsonl");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(
          file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The median of at least one value. */
  public static double median(List<? extends Number> values) {
    List<Double> sorted = new ArrayList<>();
    values.forEach(value -> sorted.add(value.doubleValue()));
    Collections.sort(sorted);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
