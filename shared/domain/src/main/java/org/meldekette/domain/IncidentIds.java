package org.meldekette.domain;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Makes incident IDs such as {@code INC-20261122-7KQ3XZ}: the UTC day of creation and six random
 * characters of Crockford's base 32 (no I, L, O, U, so an ID read out over the phone is not
 * misheard).
 *
 * <p>IDs are not a sequence on purpose: a global counter would be one Firestore document written by
 * every new incident. About 10^9 IDs per day make a collision rare; the store creates the incident
 * with a precondition and draws again on the rare clash.
 */
public final class IncidentIds {
  private static final int RANDOM_CHARS = 6;
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
  private static final Pattern FORMAT = Pattern.compile("INC-\\d{8}-[0-9A-HJKMNP-TV-Z]{6}");

  private final Clock clock;
  private final RandomGenerator random;

  public IncidentIds(Clock clock, RandomGenerator random) {
    this.clock = clock;
    this.random = random;
  }

  public String next() {
    return "INC-" + DAY.format(clock.instant()) + "-" + RecordIds.randomChars(random, RANDOM_CHARS);
  }

  /**
   * Whether a string has the shape of an incident ID; used to refuse junk path segments before any
   * read.
   */
  public static boolean isWellFormed(String id) {
    return id != null && FORMAT.matcher(id).matches();
  }
}
