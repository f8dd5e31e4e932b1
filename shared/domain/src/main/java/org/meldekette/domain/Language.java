package org.meldekette.domain;

import java.util.Locale;

/** Languages Meldekette answers reporters in. */
public enum Language {
  DE,
  EN;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public Locale locale() {
    return Locale.forLanguageTag(code());
  }

  /** Parses {@code de} or {@code en}; null when the code is not one of them. */
  public static Language fromCode(String code) {
    for (Language language : values()) {
      if (language.code().equals(code)) {
        return language;
      }
    }
    return null;
  }
}
