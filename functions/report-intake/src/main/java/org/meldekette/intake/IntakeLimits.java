package org.meldekette.intake;

import com.google.cloud.functions.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.meldekette.http.ApiException;
import org.meldekette.store.RateLimits;
import org.meldekette.store.ReportStore;

/**
 * What keeps the public side working under abuse. Each client has budgets of reports and messages
 * (a few per 10 minutes, a few dozen a day), kept in Firestore so every instance counts alike;
 * beyond them the answer is 429 with Retry-After. Beyond a system-wide rate — a surge — reports are
 * still taken in, never lost, but held for screening: no clock runs, no reminder goes out, the team
 * gets one digest, until a responder screens them in or out.
 */
final class IntakeLimits {
  static final String REPORTS = "report";
  static final String MESSAGES = "reporter-message";

  private final RateLimits limits;
  private final ClientAddress address;
  private final List<RateLimits.Budget> perClient;
  private final RateLimits.Budget surge;

  IntakeLimits(
      RateLimits limits,
      ClientAddress address,
      List<RateLimits.Budget> perClient,
      RateLimits.Budget surge) {
    this.limits = limits;
    this.address = address;
    this.perClient = perClient;
    this.surge = surge;
  }

  /** Counts one {@code scope} request of the caller, or refuses it with 429 and Retry-After. */
  void admit(String scope, HttpRequest request, Instant now) {
    OptionalLong wait = limits.take(scope, address.of(request), perClient, now);
    if (wait.isPresent()) {
      throw new ApiException(
              429,
              "TOO_MANY_REPORTS",
              "too many reports or messages from this address in a short time; please try again"
                  + " later")
          .retryAfter(wait.getAsLong());
    }
  }

  /** Whether reports arrive beyond the system-wide rate: a new one is held for screening. */
  boolean surging(ReportStore reports, Instant now) {
    return reports.receivedSince(now.minus(surge.window())) >= surge.limit();
  }
}
