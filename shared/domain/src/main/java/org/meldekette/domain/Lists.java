package org.meldekette.domain;

import java.util.LinkedHashSet;
import java.util.List;

/** Checks for lists of short names people type (systems, data domains, categories). */
public final class Lists {
  static final int MAX_ITEMS = 100;
  static final int MAX_ITEM_LENGTH = 200;

  private Lists() {}

  /** Trimmed, blanks dropped, duplicates removed in order; too many or too long is refused. */
  public static List<String> names(String field, List<String> values) {
    if (values == null) {
      return List.of();
    }
    LinkedHashSet<String> distinct = new LinkedHashSet<>();
    for (int i = 0; i < values.size(); i++) {
      String name = Text.optional(field + "[" + i + "]", values.get(i), MAX_ITEM_LENGTH, false);
      if (name != null) {
        distinct.add(name);
      }
    }
    if (distinct.size() > MAX_ITEMS) {
      throw new InvalidInput(
          field,
          "TOO_MANY",
          field + " has " + distinct.size() + " entries; at most " + MAX_ITEMS + " are allowed");
    }
    return List.copyOf(distinct);
  }
}
