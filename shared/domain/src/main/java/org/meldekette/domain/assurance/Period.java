package org.meldekette.domain.assurance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.meldekette.domain.InvalidInput;

/**
 * A period of whole months in the controller's time zone, as the metrics, the ISMS export and the
 * audit packs take it: from the first month to the last, included, at most three years.
 *
 * @param start the first instant of the first month
 * @param end the first instant after the last month
 */
public record Period(YearMonth from, YearMonth to, Instant start, Instant end) {
  public static final int MAX_MONTHS = 36;

  /**
   * Reads {@code from} and {@code to} (2026-01, or a date within the month); a missing one is its
   * default.
   */
  public static Period of(
      String from, String to, YearMonth defaultFrom, YearMonth defaultTo, ZoneId zone) {
    YearMonth first = month("from", from, defaultFrom);
    YearMonth last = month("to", to, defaultTo);
    if (last.isBefore(first)) {
      throw new InvalidInput("to", "BEFORE_FROM", "to must not lie before from");
    }
    if (first.plusMonths(MAX_MONTHS).isBefore(last.plusMonths(1))) {
      throw new InvalidInput(
          "to", "PERIOD_TOO_LONG", "a period is at most " + MAX_MONTHS + " months");
    }
    return new Period(
        first,
        last,
        first.atDay(1).atStartOfDay(zone).toInstant(),
        last.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
  }

  private static YearMonth month(String field, String value, YearMonth fallback) {
    if (value == null || value.isBlank()) {
      if (fallback == null) {
        throw new InvalidInput(field, "REQUIRED", field + " (a month such as 2026-01) is required");
      }
      return fallback;
    }
    String text = value.strip();
    try {
      return text.length() == 7 ? YearMonth.parse(text) : YearMonth.from(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      throw new InvalidInput(
          field, "INVALID_MONTH", field + " must be a month (2026-01) or a date (2026-01-31)");
    }
  }
}
