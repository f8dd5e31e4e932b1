package org.meldekette.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;

/**
 * The one Gson setup: instants as ISO-8601 strings, nulls left out, strict parsing of what clients
 * send.
 */
public final class Json {
  private Json() {}

  public static final Gson GSON =
      new GsonBuilder()
          .registerTypeAdapter(Instant.class, new InstantAdapter().nullSafe())
          .disableHtmlEscaping()
          .create();

  /**
   * Parses a whole document strictly (no comments, no trailing garbage); throws JsonParseException.
   */
  public static JsonElement parse(String text) {
    try {
      JsonReader reader = new JsonReader(new StringReader(text));
      reader.setStrictness(Strictness.STRICT);
      if (reader.peek() == JsonToken.END_DOCUMENT) {
        throw new JsonParseException("empty document");
      }
      JsonElement element = JsonParser.parseReader(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new JsonParseException("unexpected content after the JSON value");
      }
      return element;
    } catch (IOException | IllegalStateException | StackOverflowError e) {
      throw new JsonParseException(e.getMessage() == null ? "malformed JSON" : e.getMessage(), e);
    }
  }

  public static String write(Object value) {
    return GSON.toJson(value);
  }

  private static final class InstantAdapter extends TypeAdapter<Instant> {
    @Override
    public void write(JsonWriter out, Instant value) throws IOException {
      out.value(value.toString());
    }

    @Override
    public Instant read(JsonReader in) throws IOException {
      return Instant.parse(in.nextString());
    }
  }
}
