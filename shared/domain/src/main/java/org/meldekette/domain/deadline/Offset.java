package org.meldekette.domain.deadline;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A span of time as regimes state it: hours ({@code PT72H}) or calendar days and months ({@code
 * P14D}, {@code P1M}, counted in UTC, so "one month" after 31 January is the last day of February).
 */
public record Offset(String text, Duration duration, Period period) {
  public static Offset parse(String text) {
    try {
      return new Offset(text, Duration.parse(text), null);
    } catch (DateTimeParseException notADuration) {
      try {
        return new Offset(text, null, Period.parse(text));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("not an ISO-8601 duration or period: " + text, e);
      }
    }
  }

  public Instant after(Instant instant) {
    return duration != null
        ? instant.plus(duration)
        : instant.atOffset(ZoneOffset.UTC).plus(period).toInstant();
  }

  public Instant before(Instant instant) {
    return duration != null
        ? instant.minus(duration)
        : instant.atOffset(ZoneOffset.UTC).minus(period).toInstant();
  }

  /** At least as long as this offset: a month counts as 31 days. */
  public Duration atMost() {
    return duration != null
        ? duration
        : Duration.ofDays(period.toTotalMonths() * 31 + period.getDays());
  }

  /** A compact name for task names, such as {@code 48h} or {@code 2d}. */
  public String label() {
    if (duration != null) {
      long minutes = duration.toMinutes();
      return minutes % 60 == 0 ? (minutes / 60) + "h" : minutes + "m";
    }
    return period.toString().substring(1).toLowerCase();
  }
}
