package org.meldekette.domain.vault;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.meldekette.domain.EvidenceSource;
import org.meldekette.domain.InvalidInput;
import org.meldekette.domain.Measure;
import org.meldekette.domain.Text;

/**
 * What a member asks to secure from Cloud Logging: a filter in the Logging query language and a
 * time window, which Meldekette adds to the filter itself so that no capture reads without bounds.
 */
public record LogCaptureRequest(
    String filter, Instant from, Instant to, EvidenceSource source, String description) {
  public static final int MAX_FILTER_LENGTH = 20_000;

  /** A window reaching a little past now is taken as "until now" (clocks differ). */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  public LogCaptureRequest {
    filter = Text.required("filter", filter, MAX_FILTER_LENGTH, true);
    if (filter.toLowerCase(Locale.ROOT).contains("timestamp")) {
      throw new InvalidInput(
          "filter", "INVALID_VALUE", "give the time window as from and to, not in the filter");
    }
    if (from == null) {
      throw new InvalidInput("from", "REQUIRED", "from is required");
    }
    if (to == null) {
      throw new InvalidInput("to", "REQUIRED", "to is required");
    }
    if (!from.isBefore(to)) {
      throw new InvalidInput("to", "INVALID_VALUE", "to must lie after from");
    }
    source = source == null ? EvidenceSource.CLOUD_LOGGING : source;
    if (source != EvidenceSource.CLOUD_LOGGING
        && source != EvidenceSource.VPC_FLOW_LOGS
        && source != EvidenceSource.AUDIT_EVENTS) {
      throw new InvalidInput(
          "source", "INVALID_VALUE", "source is CLOUD_LOGGING, VPC_FLOW_LOGS or AUDIT_EVENTS");
    }
    description = Text.optional("description", description, Measure.MAX_DESCRIPTION_LENGTH, true);
  }

  /** Refuses a window in the future or longer than a capture may read. */
  public LogCaptureRequest within(Duration maxWindow, Instant now) {
    if (to.isAfter(now.plus(CLOCK_SKEW))) {
      throw new InvalidInput("to", "IN_FUTURE", "to lies in the future");
    }
    if (Duration.between(from, to).compareTo(maxWindow) > 0) {
      throw new InvalidInput(
          "from",
          "OUT_OF_RANGE",
          "a capture reads at most "
              + maxWindow.toDays()
              + " days; split the window or narrow the filter");
    }
    return this;
  }

  /** The filter the capture runs: the member's, bounded by the window. */
  public String boundedFilter() {
    return "(" + filter + ") AND timestamp>=\"" + from + "\" AND timestamp<\"" + to + "\"";
  }
}
