package org.meldekette.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@code /.well-known/security.txt} (RFC 9116) of the report site, from configuration: whom to
 * contact (the report form), the disclosure policy, the preferred languages, and an expiry that is
 * always about half a year ahead, so the file never goes stale (the RFC asks for less than a year).
 *
 * @param site the report site's origin, such as {@code https://report.example.com}
 * @param policy where the disclosure rules are; by default the form's section on them
 */
record SecurityTxt(String site, String policy, String languages, Clock clock) {
  static final Duration VALIDITY = Duration.ofDays(180);

  String text() {
    Instant expires = clock.instant().truncatedTo(ChronoUnit.DAYS).plus(VALIDITY);
    return "# Security contact of this site: report what you found through the form.\n"
        + "Contact: "
        + site
        + "/\n"
        + "Expires: "
        + expires
        + "\n"
        + "Policy: "
        + (policy == null ? site + "/#rules-heading" : policy)
        + "\n"
        + "Preferred-Languages: "
        + languages
        + "\n"
        + "Canonical: "
        + site
        + "/.well-known/security.txt\n";
  }
}
