package org.meldekette.domain.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Times as a document states them to people: in words, in the controller's time zone ({@code
 * CONTROLLER_TIME_ZONE}), to the minute, the zone named once with each ("4 December 2026, 02:14
 * CET", "4. Dezember 2026, 02:14 MEZ"). Machine formats (JSON, CSV) keep ISO 8601.
 */
public final class DocumentTimes {
  private static final DateTimeFormatter GERMAN =
      DateTimeFormatter.ofPattern("d. MMMM yyyy, HH:mm z", Locale.GERMAN);
  private static final DateTimeFormatter ENGLISH =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z", Locale.ENGLISH);

  private final ZoneId zone;

  public DocumentTimes(ZoneId zone) {
    this.zone = zone;
  }

  public String words(Instant at, String language) {
    return ("de".equals(language) ? GERMAN : ENGLISH).format(at.atZone(zone));
  }

  /**
   * A time a template shows ({@code at} and every name ending in {@code At}), whether kept as an
   * instant or as the ISO text a stored document holds, in words; any other value as it is.
   */
  Object shown(String name, Object value, String language) {
    if (!isTime(name)) {
      return value;
    }
    if (value instanceof Instant instant) {
      return words(instant, language);
    }
    if (value instanceof String text) {
      try {
        return words(Instant.parse(text), language);
      } catch (DateTimeParseException notATime) {
        return text;
      }
    }
    return value;
  }

  static boolean isTime(String name) {
    return name.equals("at") || name.endsWith("At");
  }
}
