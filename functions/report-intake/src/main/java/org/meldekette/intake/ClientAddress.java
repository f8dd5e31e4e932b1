package org.meldekette.intake;

import com.google.cloud.functions.HttpRequest;
import java.util.List;

/**
 * The address a request came from, for rate limits: the entry of {@code X-Forwarded-For} that the
 * last trusted proxy appended. Entries further left are whatever the client sent and prove nothing;
 * {@code trustedProxies} says how many proxies stand between the client and the function (1:
 * Google's front end in front of Cloud Run; behind Firebase Hosting there is one more).
 */
final class ClientAddress {
  private final int trustedProxies;

  ClientAddress(int trustedProxies) {
    this.trustedProxies = Math.max(1, trustedProxies);
  }

  String of(HttpRequest request) {
    String header = request.getFirstHeader("X-Forwarded-For").orElse("");
    List<String> hops =
        java.util.Arrays.stream(header.split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
    if (hops.isEmpty()) {
      return "unknown"; // no proxy said: all such requests share one budget
    }
    return hops.get(Math.max(0, hops.size() - trustedProxies));
  }
}
