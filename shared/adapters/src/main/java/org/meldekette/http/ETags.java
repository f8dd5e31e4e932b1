package org.meldekette.http;

import com.google.cloud.functions.HttpRequest;

/**
 * An incident's version as a strong ETag ({@code "7"}), and the If-Match every write must carry: a
 * change is always based on the state its author saw.
 */
public final class ETags {
  private ETags() {}

  public static String of(long version) {
    return "\"" + version + "\"";
  }

  /** The version named by If-Match; missing is 428, anything but one of our ETags is 412. */
  public static long requireIfMatch(HttpRequest request) {
    String header =
        request
            .getFirstHeader("If-Match")
            .orElseThrow(
                () ->
                    new ApiException(
                        428,
                        "IF_MATCH_REQUIRED",
                        "send If-Match with the incident's ETag, so your change is based on what you saw"));
    String value = header.strip(); // a weak ETag (W/"7") never matches: If-Match compares strongly
    if (value.length() >= 3 && value.startsWith("\"") && value.endsWith("\"")) {
      try {
        return Long.parseLong(value.substring(1, value.length() - 1));
      } catch (NumberFormatException ignored) {
        // falls through to 412
      }
    }
    throw new ApiException(
        412, "STALE_VERSION", "If-Match does not name a version of this incident");
  }
}
