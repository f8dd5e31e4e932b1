package org.meldekette.infra;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schemas of the Terraform providers infra/ uses (google, archive, time), read offline from the
 * prebuilt CDKTF provider packages pinned in infra/schema (see extract.mjs): every resource and
 * data source with its arguments and nested blocks. {@link #problems} names every resource type,
 * argument or block in a configuration that the provider does not have — what {@code terraform
 * validate} would refuse, without the registry.
 */
final class ProviderSchema {
  /** What Terraform itself allows in every resource and data block. */
  private static final Set<String> META =
      Set.of(
          "count", "for_each", "depends_on", "provider", "lifecycle", "provisioner", "connection");

  private final JsonObject schema;

  private ProviderSchema(JsonObject schema) {
    this.schema = schema;
  }

  /** Extracts the schemas (npm ci, node extract.mjs) once, into infra/target; then reads them. */
  static synchronized ProviderSchema load() {
    Path file = Terraform.INFRA.resolve("target/provider-schema.json");
    try {
      if (!Files.exists(file)) {
        Path dir = Terraform.INFRA.resolve("schema");
        run(dir, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
        Files.createDirectories(file.getParent());
        run(dir, "node", "extract.mjs", file.toString());
      }
      return new ProviderSchema(
          JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The provider versions the schemas are of, such as {@code google=6.50.0}. */
  Map<String, String> providers() {
    Map<String, String> versions = new java.util.TreeMap<>();
    schema
        .getAsJsonObject("providers")
        .entrySet()
        .forEach(e -> versions.put(e.getKey(), e.getValue().getAsString()));
    return versions;
  }

  /**
   * Every way the parsed configuration (resource and data blocks) leaves the providers' schemas.
   */
  @SuppressWarnings("unchecked")
  List<String> problems(Map<String, Object> config) {
    List<String> problems = new ArrayList<>();
    for (String section : List.of("resource", "data")) {
      Object blocks = config.get(section);
      if (!(blocks instanceof Map<?, ?> byType)) {
        continue;
      }
      JsonObject types = schema.getAsJsonObject(section);
      for (Map.Entry<?, ?> type : byType.entrySet()) {
        JsonObject typeSchema = types.getAsJsonObject(String.valueOf(type.getKey()));
        for (Map.Entry<?, ?> named : ((Map<?, ?>) type.getValue()).entrySet()) {
          String where = section + " " + type.getKey() + "." + named.getKey();
          if (typeSchema == null) {
            problems.add(where + ": the providers have no " + section + " type " + type.getKey());
            continue;
          }
          for (Object body : bodies(named.getValue())) {
            check(where, (Map<String, Object>) body, typeSchema, true, problems);
          }
        }
      }
    }
    return problems;
  }

  @SuppressWarnings("unchecked")
  private void check(
      String where, Map<String, Object> body, JsonObject node, boolean top, List<String> problems) {
    Set<String> args = names(node.getAsJsonArray("args"));
    JsonObject blocks = node.getAsJsonObject("blocks");
    for (Map.Entry<String, Object> entry : body.entrySet()) {
      String key = entry.getKey();
      if (top && META.contains(key)) {
        continue;
      }
      if (key.equals("dynamic") && entry.getValue() instanceof Map<?, ?> dynamics) {
        for (Map.Entry<?, ?> dynamic : dynamics.entrySet()) {
          JsonObject block = blocks.getAsJsonObject(String.valueOf(dynamic.getKey()));
          if (block == null) {
            problems.add(where + ": no block " + dynamic.getKey() + " (dynamic)");
            continue;
          }
          for (Object dynamicBody : bodies(dynamic.getValue())) {
            Object content = ((Map<String, Object>) dynamicBody).get("content");
            for (Object contentBody : bodies(content)) {
              check(
                  where + "." + dynamic.getKey(),
                  (Map<String, Object>) contentBody,
                  block,
                  false,
                  problems);
            }
          }
        }
        continue;
      }
      if (args.contains(key)) {
        continue;
      }
      JsonObject block = blocks.getAsJsonObject(key);
      if (block == null) {
        problems.add(where + ": unknown argument or block " + key);
        continue;
      }
      for (Object nested : bodies(entry.getValue())) {
        check(where + "." + key, (Map<String, Object>) nested, block, false, problems);
      }
    }
  }

  /** A block's bodies: hcl4j gives one body as a map, several of the same name as a list. */
  private static List<Object> bodies(Object value) {
    if (value instanceof Map<?, ?>) {
      return List.of(value);
    }
    if (value instanceof List<?> list) {
      return list.stream().filter(Map.class::isInstance).map(Object.class::cast).toList();
    }
    return List.of();
  }

  private static Set<String> names(JsonArray array) {
    Set<String> names = new java.util.HashSet<>();
    for (JsonElement element : array) {
      names.add(element.getAsString());
    }
    return names;
  }

  /**
   * Runs {@code command} with no share in the test JVM's own streams: they are Surefire's channel
   * to the build, and a child that writes to them or sets them non-blocking (Node does) breaks it.
   */
  private static void run(Path dir, String... command) throws IOException {
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectErrorStream(true)
            .start();
    String output =
        new String(
            process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    try {
      if (process.waitFor() != 0) {
        throw new IllegalStateException(
            String.join(" ", command) + " failed in " + dir + ":\n" + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
