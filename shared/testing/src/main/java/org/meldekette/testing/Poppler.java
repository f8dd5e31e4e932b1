package org.meldekette.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * poppler-utils as the tests read PDFs: pdftotext for the text (in the order it was written, so a
 * table cell reads whole), pdftoppm to render pages.
 */
public final class Poppler {
  private Poppler() {}

  public static String text(Path pdf) throws IOException, InterruptedException {
    Path out = Files.createTempFile("pdftotext", ".txt");
    run("pdftotext", "-raw", "-enc", "UTF-8", pdf.toString(), out.toString());
    String text = Files.readString(out, StandardCharsets.UTF_8);
    Files.delete(out);
    return text;
  }

  /**
   * The text as one line: runs of white space (pdftotext breaks lines where the page does) made one
   * space, and the typographic ligatures the renderer uses spelt out, for searching.
   */
  public static String words(Path pdf) throws IOException, InterruptedException {
    return text(pdf)
        .replace("\uFB01", "fi")
        .replace("\uFB02", "fl")
        .replace("\uFB00", "ff")
        .replaceAll("\\s+", " ");
  }

  /** Renders every page to PNG in {@code dir}; gives the number of pages rendered. */
  public static int pages(Path pdf, Path dir) throws IOException, InterruptedException {
    String prefix = dir.resolve(pdf.getFileName().toString() + "-page").toString();
    run("pdftoppm", "-png", "-r", "50", pdf.toString(), prefix);
    try (var files = Files.list(dir)) {
      return (int)
          files
              .filter(f -> f.getFileName().toString().startsWith(pdf.getFileName() + "-page"))
              .filter(f -> f.toString().endsWith(".png"))
              .filter(f -> f.toFile().length() > 0)
              .count();
    }
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
  }
}
