package org.meldekette.domain;

import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The code a reporter gets once, with their receipt, to follow their report and answer the team:
 * 130 random bits in 26 characters of Crockford's base 32, shown in groups of four. Only its hash
 * is stored; whoever holds the code holds the report's status page, so it never goes into a URL a
 * server sees (the status link carries it in the fragment).
 */
public final class ReceiptCode {
  private static final int LENGTH = 26;

  private final String code;

  private ReceiptCode(String code) {
    this.code = code;
  }

  public static ReceiptCode random(RandomGenerator random) {
    return new ReceiptCode(RecordIds.randomChars(random, LENGTH));
  }

  /**
   * A code as a reporter typed it: case, spaces and hyphens do not matter, and the letters
   * Crockford reads as digits (O as 0, I and L as 1) are read so. Empty when it cannot be a code at
   * all.
   */
  public static Optional<ReceiptCode> parse(String typed) {
    if (typed == null || typed.length() > 64) {
      return Optional.empty();
    }
    StringBuilder code = new StringBuilder(LENGTH);
    for (char c : typed.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
      if (c == ' ' || c == '-') {
        continue;
      }
      char read = c == 'O' ? '0' : c == 'I' || c == 'L' ? '1' : c;
      if (RecordIds.CROCKFORD.indexOf(read) < 0) {
        return Optional.empty();
      }
      code.append(read);
    }
    return code.length() == LENGTH
        ? Optional.of(new ReceiptCode(code.toString()))
        : Optional.empty();
  }

  /** As shown to the reporter: {@code ABCD-EFGH-…}, the last group two characters. */
  public String text() {
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < LENGTH; i += 4) {
      if (i > 0) {
        shown.append('-');
      }
      shown.append(code, i, Math.min(i + 4, LENGTH));
    }
    return shown.toString();
  }

  /** What is stored: the SHA-256 of the code (130 random bits need no slow hash). */
  public String hash() {
    return Hashes.sha256("receipt-code:" + code);
  }

  /** Never the code itself, so it cannot slip into a log line. */
  @Override
  public String toString() {
    return "ReceiptCode[hidden]";
  }
}
