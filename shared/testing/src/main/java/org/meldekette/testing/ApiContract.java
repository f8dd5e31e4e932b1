package org.meldekette.testing;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * An OpenAPI 3.1 description (a file in {@code api/}) as a contract the tests hold a function to:
 * every response a test receives must be declared for its path, method and status, and its JSON
 * body must be valid against the declared schema (validated by networknt's json-schema-validator in
 * the OpenAPI 3.1 dialect). A path the description does not know must be answered with an error.
 */
public final class ApiContract {
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "patch", "delete", "options", "head");
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The descriptions are served to the validator under this base from api/, so they can refer to
   * each other.
   */
  private static final String BASE = "https://meldekette.invalid/api/";

  private final Path file;
  private final JsonNode document;
  private final SchemaRegistry registry;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  private ApiContract(Path file) {
    this.file = file;
    this.document = new YAMLMapper().readTree(file.toFile());
    Path directory = file.getParent();
    this.registry =
        SchemaRegistry.withDialect(
            Dialects.getOpenApi31(),
            builder ->
                builder
                    .schemaRegistryConfig(
                        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                    .schemas(
                        iri ->
                            iri.startsWith(BASE)
                                ? read(directory.resolve(iri.substring(BASE.length())))
                                : null));
  }

  /** The description {@code api/<name>}, from the project's top directory. */
  public static ApiContract of(String name) {
    return new ApiContract(ProjectFiles.root().resolve("api").resolve(name));
  }

  /** Every operation the description declares, as {@code METHOD /path/{param}}. */
  public Set<String> operations() {
    Set<String> operations = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        if (METHODS.contains(operation.getKey())) {
          operations.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
        }
      }
    }
    return operations;
  }

  /** Checks a response a test received; fails the test with every way it breaks the contract. */
  public HttpResponse<String> check(HttpResponse<String> response) {
    String method = response.request().method();
    URI uri = response.request().uri();
    List<String> problems =
        problems(
            method,
            uri.getRawPath(),
            response.statusCode(),
            response.headers().firstValue("Content-Type").orElse(""),
            response.body());
    if (!problems.isEmpty()) {
      throw new AssertionError(
          method
              + " "
              + uri.getPath()
              + " answered "
              + response.statusCode()
              + " against "
              + file.getFileName()
              + ":\n  "
              + String.join("\n  ", problems)
              + "\n  body: "
              + abbreviated(response.body()));
    }
    return response;
  }

  public List<String> problems(
      String method, String path, int status, String contentType, String body) {
    if (status >= 400 && status < 500 && contentType.isEmpty() && body.isEmpty()) {
      return List
          .of(); // the HTTP server's own refusal (a path with an encoded NUL, say): no function saw
      // it
    }
    String template = templateOf(path);
    JsonNode operation =
        template == null
            ? null
            : document.get("paths").get(template).get(method.toLowerCase(Locale.ROOT));
    if (operation == null) {
      return refusal(
          method + " " + (template == null ? path : template) + " is not in the description",
          status,
          contentType,
          body);
    }
    String pointer = "#/paths/" + escape(template);
    pointer += "/" + method.toLowerCase(Locale.ROOT) + "/responses";
    JsonNode responses = operation.get("responses");
    String code = responses.has(String.valueOf(status)) ? String.valueOf(status) : "default";
    if (!responses.has(code)) {
      return List.of("status " + status + " is not declared (declared: " + names(responses) + ")");
    }
    pointer = resolve(pointer + "/" + code, responses.get(code));
    JsonNode response = at(pointer);
    JsonNode content = response.get("content");
    if (content == null) {
      return body.isEmpty() ? List.of() : List.of("no body is declared, yet one came");
    }
    String mediaType = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    if (!content.has(mediaType)) {
      return List.of(
          "content type " + mediaType + " is not declared (declared: " + names(content) + ")");
    }
    if (!mediaType.equals("application/json")) {
      return List.of();
    }
    return validate(pointer + "/content/" + escape(mediaType) + "/schema", body);
  }

  /** What the description does not declare must be refused: a 4xx in the Error shape. */
  private List<String> refusal(String what, int status, String contentType, String body) {
    if (status < 400 || status >= 500) {
      return List.of(what + ", yet the answer was " + status);
    }
    return validate("#/components/schemas/Error", body);
  }

  /** The path template the description declares for a concrete path, or null. */
  /**
   * The path as the description names it: without the path of a declared server (such as {@code
   * /api/staff}, where Hosting passes the API on), when it starts with one.
   */
  private String withoutServerPath(String path) {
    JsonNode servers = document.get("servers");
    if (servers == null) {
      return path;
    }
    for (JsonNode server : servers) {
      String prefix = URI.create(server.get("url").asString()).getPath();
      if (prefix != null
          && !prefix.isEmpty()
          && !prefix.equals("/")
          && (path.equals(prefix) || path.startsWith(prefix + "/"))) {
        return path.substring(prefix.length());
      }
    }
    return path;
  }

  String templateOf(String path) {
    String[] segments = split(withoutServerPath(path));
    for (Map.Entry<String, JsonNode> candidate : document.get("paths").properties()) {
      String[] template = split(candidate.getKey());
      if (template.length != segments.length) {
        continue;
      }
      boolean matches = true;
      for (int i = 0; i < template.length && matches; i++) {
        matches = template[i].startsWith("{") || template[i].equals(segments[i]);
      }
      if (matches) {
        return candidate.getKey();
      }
    }
    return null;
  }

  private List<String> validate(String pointer, String body) {
    Schema schema =
        schemas.computeIfAbsent(
            pointer, p -> registry.getSchema(SchemaLocation.of(BASE + file.getFileName() + p)));
    List<String> problems = new ArrayList<>();
    try {
      JSON.readTree(body);
    } catch (RuntimeException e) {
      return List.of("the body is not JSON");
    }
    for (Error error : schema.validate(body, InputFormat.JSON)) {
      problems.add(error.toString());
    }
    return problems;
  }

  private static String read(Path file) {
    try {
      return java.nio.file.Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Follows a local {@code $ref} of a response object to where it is defined. */
  private String resolve(String pointer, JsonNode node) {
    return node.has("$ref") ? node.get("$ref").asString() : pointer;
  }

  private JsonNode at(String pointer) {
    return document.at(pointer.substring(1));
  }

  private static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }

  private static String[] split(String path) {
    return java.util.Arrays.stream(path.split("/"))
        .filter(s -> !s.isEmpty())
        .toArray(String[]::new);
  }

  private static String names(JsonNode node) {
    List<String> names = new ArrayList<>();
    Iterator<String> it = node.propertyNames().iterator();
    it.forEachRemaining(names::add);
    return String.join(", ", names);
  }

  private static String abbreviated(String body) {
    return body.length() > 600 ? body.substring(0, 600) + "…" : body;
  }
}
