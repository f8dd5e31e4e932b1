package org.meldekette.domain.report;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.meldekette.domain.InvalidInput;

/**
 * The document templates ({@code org/meldekette/templates/NAME.LANG.mustache}), rendered with
 * Mustache: logic-less, so the wording lives in the files and the data in code. Another language is
 * another file.
 */
public final class Templates {
  private static final String ROOT = "/org/meldekette/templates/";
  private final Map<String, Template> compiled = new ConcurrentHashMap<>();

  /**
   * Renders {@code name} in {@code language}; HTML templates ({@code .html}) escape every value.
   */
  public String render(String name, String language, Object data) {
    return template(name, language).execute(data);
  }

  public boolean exists(String name, String language) {
    return Templates.class.getResource(path(name, language)) != null;
  }

  private Template template(String name, String language) {
    if (language == null || !language.matches("[a-z]{2}") || !exists(name, language)) {
      throw new InvalidInput(
          "lang",
          "UNSUPPORTED_LANGUAGE",
          "there is no " + name + " template in language " + language);
    }
    return compiled.computeIfAbsent(
        name + "." + language,
        key -> {
          boolean html = name.endsWith("-html");
          try (InputStream in = Templates.class.getResourceAsStream(path(name, language))) {
            return Mustache.compiler()
                .escapeHTML(html)
                .defaultValue("")
                .compile(new InputStreamReader(in, StandardCharsets.UTF_8));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static String path(String name, String language) {
    return ROOT + name + "." + language + ".mustache";
  }
}
