package org.meldekette.domain;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Words for codes in one language ({@code org/meldekette/texts/NAME.LANG.json}: tables of code →
 * words), so documents for people say "corrective, done" where the data says {@code CORRECTIVE,
 * DONE}. Another language is another file.
 */
public final class Texts {
  private static final Map<String, Texts> LOADED = new ConcurrentHashMap<>();
  private final JsonObject tables;

  private Texts(JsonObject tables) {
    this.tables = tables;
  }

  /** The texts {@code name} in {@code language}; 400 when there is no such language. */
  public static Texts of(String name, String language) {
    String path = "/org/meldekette/texts/" + name + "." + language + ".json";
    return LOADED.computeIfAbsent(path, p -> load(p, name, language));
  }

  private static Texts load(String path, String name, String language) {
    try (InputStream in = Texts.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new InvalidInput(
            "lang", "UNSUPPORTED_LANGUAGE", "the " + name + " texts are not in " + language);
      }
      return new Texts(
          JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
              .getAsJsonObject());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The words for {@code code} in {@code table}, or {@code fallback}. */
  public String word(String table, String code, String fallback) {
    JsonObject words = tables.getAsJsonObject(table);
    return words != null && code != null && words.has(code)
        ? words.get(code).getAsString()
        : fallback;
  }

  /** Whether a code has its own words (for the tests that no code is left without). */
  public boolean has(String table, String code) {
    JsonObject words = tables.getAsJsonObject(table);
    return words != null && words.has(code);
  }
}
