package org.meldekette.dev;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code hosting} part of {@code firebase.json}, read so the local stack serves the report form
 * exactly as Firebase Hosting does: the same public folder, the same response headers (the
 * Content-Security-Policy among them) and the same rewrites to functions. One file says it for
 * both.
 *
 * @param publicDir the folder of static files
 * @param functionRewrites request path to the ID of the function it goes to
 * @param headers response headers with the glob of paths they apply to
 */
public record HostingConfig(
    Path publicDir, Map<String, String> functionRewrites, List<Header> headers) {

  /** A header Hosting adds to responses whose path matches {@code glob}. */
  public record Header(Pattern glob, String name, String value) {}

  public static HostingConfig read(Path firebaseJson) throws IOException {
    JsonObject hosting =
        JsonParser.parseString(Files.readString(firebaseJson))
            .getAsJsonObject()
            .getAsJsonObject("hosting");
    if (hosting == null) {
      throw new IllegalArgumentException(firebaseJson + " has no hosting section");
    }
    Path publicDir =
        firebaseJson.toAbsolutePath().getParent().resolve(hosting.get("public").getAsString());
    Map<String, String> rewrites = new LinkedHashMap<>();
    for (JsonElement rewrite : array(hosting, "rewrites")) {
      JsonObject function = rewrite.getAsJsonObject().getAsJsonObject("function");
      if (function != null) {
        rewrites.put(
            rewrite.getAsJsonObject().get("source").getAsString(),
            function.get("functionId").getAsString());
      }
    }
    List<Header> headers = new ArrayList<>();
    for (JsonElement rule : array(hosting, "headers")) {
      Pattern glob = glob(rule.getAsJsonObject().get("source").getAsString());
      for (JsonElement header : rule.getAsJsonObject().getAsJsonArray("headers")) {
        JsonObject pair = header.getAsJsonObject();
        headers.add(
            new Header(glob, pair.get("key").getAsString(), pair.get("value").getAsString()));
      }
    }
    return new HostingConfig(
        publicDir, java.util.Collections.unmodifiableMap(rewrites), List.copyOf(headers));
  }

  /** The function a request path is rewritten to, if any: the first rule whose glob matches. */
  public Optional<String> functionFor(String path) {
    return functionRewrites.entrySet().stream()
        .filter(rewrite -> glob(rewrite.getKey()).matcher(path).matches())
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /**
   * The headers for a path. When several rules set the same header, the last one in firebase.json
   * wins, as Hosting does (firebase-tools#9467): the console's own Content-Security-Policy after
   * the site's.
   */
  public List<Header> headersFor(String path) {
    Map<String, Header> last = new LinkedHashMap<>();
    headers.stream()
        .filter(header -> header.glob().matcher(path).matches())
        .forEach(header -> last.put(header.name().toLowerCase(java.util.Locale.ROOT), header));
    return List.copyOf(last.values());
  }

  /**
   * Hosting's globs as far as this project uses them: {@code **} any path, {@code *} one path
   * segment.
   */
  static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }

  private static JsonArray array(JsonObject object, String name) {
    return object.has(name) ? object.getAsJsonArray(name) : new JsonArray();
  }
}
