package org.meldekette.http;

import com.google.cloud.functions.HttpRequest;
import java.util.Locale;
import java.util.Set;

/** The media type and charset of a request body, as far as Meldekette cares. */
public record MediaType(String type, String charset) {
  public static final String JSON = "application/json";
  public static final String FORM = "application/x-www-form-urlencoded";

  /**
   * Parses Content-Type: {@code type/subtype; charset=...}; a missing header gives an empty type.
   */
  public static MediaType of(HttpRequest request) {
    String header = request.getContentType().orElse("");
    String[] parts = header.split(";");
    String type = parts[0].strip().toLowerCase(Locale.ROOT);
    String charset = null;
    for (int i = 1; i < parts.length; i++) {
      String[] parameter = parts[i].split("=", 2);
      if (parameter.length == 2 && parameter[0].strip().equalsIgnoreCase("charset")) {
        charset = parameter[1].strip().replace("\"", "").toLowerCase(Locale.ROOT);
      }
    }
    return new MediaType(type, charset);
  }

  /** Refuses anything but the given types in UTF-8 with 415. */
  public MediaType requireOneOf(Set<String> accepted) {
    if (!accepted.contains(type)) {
      throw new ApiException(
          415,
          "UNSUPPORTED_MEDIA_TYPE",
          "Content-Type must be one of " + String.join(", ", accepted.stream().sorted().toList()));
    }
    if (charset != null && !charset.equals("utf-8")) {
      throw new ApiException(415, "UNSUPPORTED_CHARSET", "the request body must be UTF-8");
    }
    return this;
  }
}
