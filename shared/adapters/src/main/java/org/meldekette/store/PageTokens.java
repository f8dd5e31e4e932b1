package org.meldekette.store;

import com.google.cloud.Timestamp;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.meldekette.domain.InvalidInput;

/**
 * Opaque page tokens: the sort value and document ID of the last item shown, so the next page
 * starts after it even when items are added meanwhile.
 */
final class PageTokens {
  private PageTokens() {}

  record Position(Timestamp at, String id) {}

  static String of(Timestamp at, String id) {
    String raw = at.getSeconds() + ":" + at.getNanos() + ":" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  static Position parse(String token) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      String[] parts = raw.split(":", 3);
      return new Position(
          Timestamp.ofTimeSecondsAndNanos(Long.parseLong(parts[0]), Integer.parseInt(parts[1])),
          parts[2]);
    } catch (RuntimeException e) {
      throw new InvalidInput(
          "pageToken", "INVALID_PAGE_TOKEN", "pageToken is not one this API gave out");
    }
  }
}
