package org.meldekette.infra;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Terraform configuration in infra/ read as data: every {@code *.tf} file parsed together with
 * hcl4j (so locals defined in one file resolve in another), and the project's top directory for the
 * files it names.
 */
final class Terraform {
  static final Path INFRA = locate();
  static final Path ROOT = INFRA.getParent();
  private static Map<String, Object> parsed;

  private Terraform() {}

  private static Path locate() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("infra/versions.tf"))) {
        return dir.resolve("infra");
      }
      if (Files.exists(dir.resolve("versions.tf"))
          && dir.getFileName().toString().equals("infra")) {
        return dir;
      }
    }
    throw new IllegalStateException("infra/versions.tf not found");
  }

  /** All .tf files, concatenated in name order. */
  static String text() {
    try (Stream<Path> files = Files.list(INFRA)) {
      StringBuilder all = new StringBuilder();
      for (Path file : files.filter(f -> f.toString().endsWith(".tf")).sorted().toList()) {
        all.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
      }
      return all.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static synchronized Map<String, Object> config() {
    if (parsed == null) {
      try {
        parsed = new HCLParser().parse(text());
      } catch (Exception e) {
        throw new IllegalStateException("infra/*.tf does not parse as HCL", e);
      }
    }
    return parsed;
  }

  /** {@code resource.TYPE.NAME}, or an empty map. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> resource(String type, String name) {
    return (Map<String, Object>) resources(type).getOrDefault(name, Map.of());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> resources(String type) {
    Map<String, Object> resources = (Map<String, Object>) config().get("resource");
    return (Map<String, Object>) resources.getOrDefault(type, Map.of());
  }

  /** Every {@code locals} block of every file, merged. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> locals() {
    Object locals = config().get("locals");
    if (locals instanceof Map<?, ?> one) {
      return (Map<String, Object>) one;
    }
    Map<String, Object> merged = new java.util.LinkedHashMap<>();
    for (Object block : (List<Object>) locals) {
      merged.putAll((Map<String, Object>) block);
    }
    return merged;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return value == null ? List.of() : new ArrayList<>((List<Object>) value);
  }

  /**
   * The source text of one resource block, for what the parser reads lossily (an index such as
   * {@code functions["report-intake"]} comes back without its key).
   */
  static String block(String type, String name) {
    String text = text();
    int start = text.indexOf("resource \"" + type + "\" \"" + name + "\" {");
    if (start < 0) {
      throw new IllegalArgumentException("no resource " + type + "." + name);
    }
    int end = text.indexOf("\n}\n", start);
    return text.substring(start, end + 2);
  }

  static String read(String relative) {
    try {
      return Files.readString(ROOT.resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
