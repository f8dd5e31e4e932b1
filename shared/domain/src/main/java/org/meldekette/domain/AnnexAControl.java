package org.meldekette.domain;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A control of ISO/IEC 27001:2022 Annex A, written {@code A.5.24}: organisational 5.1–5.37, people
 * 6.1–6.8, physical 7.1–7.14, technological 8.1–8.34. {@code 5.24} is read as {@code A.5.24}.
 */
public final class AnnexAControl {
  private static final Pattern FORM = Pattern.compile("(?:A\\.)?([5-8])\\.([0-9]{1,2})");
  private static final Map<Integer, Integer> LAST = Map.of(5, 37, 6, 8, 7, 14, 8, 34);

  private AnnexAControl() {}

  /** The control in its written form, or null for none; anything else is refused. */
  public static String of(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Matcher m = FORM.matcher(value.strip().toUpperCase(java.util.Locale.ROOT));
    if (m.matches()) {
      int theme = Integer.parseInt(m.group(1));
      int number = Integer.parseInt(m.group(2));
      if (number >= 1 && number <= LAST.get(theme)) {
        return "A." + theme + "." + number;
      }
    }
    throw new InvalidInput(
        field,
        "NOT_AN_ANNEX_A_CONTROL",
        field + " is a control of ISO/IEC 27001:2022 Annex A, such as A.8.8");
  }
}
