package org.meldekette.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes {@code application/x-www-form-urlencoded} bodies as browsers send them, and query
 * strings, which are encoded the same way, strictly: a broken percent escape or bytes that are not
 * UTF-8 are a 400, never silently replaced characters (or, as the runtime's own query parsing does,
 * a 500).
 */
public final class FormUrlEncoded {
  private FormUrlEncoded() {}

  /** Every field with all its values, in order. */
  public static Map<String, List<String>> parse(String body) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return fields;
    }
    for (String pair : body.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals), null);
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1), name);
      fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return fields;
  }

  /**
   * The parameters of a raw query string ({@code a=1&b=x%20y}); a broken one is a 400 naming the
   * query.
   */
  public static Map<String, List<String>> parseQuery(String query) {
    try {
      return parse(query);
    } catch (ApiException e) {
      throw ApiException.badRequest(
          e.field(),
          "MALFORMED_QUERY",
          "the query string has a broken percent escape or is not UTF-8");
    }
  }

  private static String decode(String encoded, String field) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    int i = 0;
    while (i < encoded.length()) {
      char c = encoded.charAt(i);
      if (c == '%') {
        if (i + 2 >= encoded.length()) {
          throw malformed(field);
        }
        int high = Character.digit(encoded.charAt(i + 1), 16);
        int low = Character.digit(encoded.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          throw malformed(field);
        }
        bytes.write(high * 16 + low);
        i += 3;
      } else {
        // Plain characters up to the next escape; raw non-ASCII (curl --data sends it) is taken as
        // UTF-8.
        int end = i;
        while (end < encoded.length() && encoded.charAt(end) != '%') {
          end++;
        }
        bytes.writeBytes(
            encoded.substring(i, end).replace('+', ' ').getBytes(StandardCharsets.UTF_8));
        i = end;
      }
    }
    return RequestBodies.decodeUtf8(bytes.toByteArray(), field);
  }

  private static ApiException malformed(String field) {
    return ApiException.badRequest(
        field, "MALFORMED_FORM", "the form data has a broken percent escape");
  }
}
