package org.meldekette.domain;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Random IDs for the records beside an incident, such as {@code MSR-4K7Q2X9MZB}: prefix and ten
 * base-32 characters.
 */
public final class RecordIds {
  /** Crockford's base 32: no I, L, O or U, so an ID read out or retyped survives. */
  static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  private static final char[] ALPHABET = CROCKFORD.toCharArray();
  private final RandomGenerator random;

  public RecordIds(RandomGenerator random) {
    this.random = random;
  }

  public String next(String prefix) {
    return prefix + '-' + randomChars(random, 10);
  }

  /**
   * The ID a repeated request gets again: derived from what makes it the same request (such as who
   * asked and the Idempotency-Key they sent), in the same form as a random one.
   */
  public static String derived(String prefix, String... parts) {
    return prefix
        + '-'
        + Hashes.sha256(String.join("\n", parts)).substring(0, 10).toUpperCase(Locale.ROOT);
  }

  /**
   * Characters of Crockford's base 32: no I, L, O or U, so an ID read out over the phone is not
   * misheard.
   */
  static String randomChars(RandomGenerator random, int count) {
    char[] chars = new char[count];
    for (int i = 0; i < count; i++) {
      chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(chars);
  }
}
