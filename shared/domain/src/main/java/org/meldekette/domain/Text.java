package org.meldekette.domain;

/**
 * Checks for free text typed by people: trimmed length in characters (code points) and no control
 * characters.
 */
public final class Text {
  private Text() {}

  /** Trims, then checks the length and characters; null or blank is refused as {@code REQUIRED}. */
  public static String required(String field, String value, int maxLength, boolean multiline) {
    String trimmed = value == null ? "" : value.strip();
    if (trimmed.isEmpty()) {
      throw new InvalidInput(field, "REQUIRED", field + " is required");
    }
    return checked(field, trimmed, maxLength, multiline);
  }

  /** Like {@link #required} but null or blank gives null. */
  public static String optional(String field, String value, int maxLength, boolean multiline) {
    String trimmed = value == null ? "" : value.strip();
    return trimmed.isEmpty() ? null : checked(field, trimmed, maxLength, multiline);
  }

  private static String checked(String field, String value, int maxLength, boolean multiline) {
    int length = value.codePointCount(0, value.length());
    if (length > maxLength) {
      throw new InvalidInput(
          field,
          "TOO_LONG",
          field + " has " + length + " characters; at most " + maxLength + " are allowed");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean allowedBreak = multiline && (c == '\n' || c == '\r' || c == '\t');
      if (Character.isISOControl(c) && !allowedBreak) {
        throw new InvalidInput(field, "CONTROL_CHARACTER", field + " contains a control character");
      }
      if (Character.isSurrogate(c)
          && !(Character.isHighSurrogate(c)
              && i + 1 < value.length()
              && Character.isLowSurrogate(value.charAt(i + 1)))
          && !(Character.isLowSurrogate(c)
              && i > 0
              && Character.isHighSurrogate(value.charAt(i - 1)))) {
        throw new InvalidInput(
            field, "INVALID_CHARACTER", field + " contains an unpaired surrogate");
      }
    }
    return value;
  }
}
