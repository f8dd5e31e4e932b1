package org.meldekette.domain.mail;

import java.util.Locale;
import java.util.Set;
import org.meldekette.domain.Language;

/**
 * The language to answer a mail in: its Content-Language when it says German or English, else what
 * its words look like (common German function words against English ones), English when unsure.
 */
public final class MailLanguage {
  private static final Set<String> GERMAN =
      Set.of(
          "und", "der", "die", "das", "ist", "nicht", "ich", "wir", "sie", "mit", "ein", "eine",
          "auf", "für", "bei", "ihre", "unsere", "bitte", "sehr", "geehrte", "hallo", "danke");
  private static final Set<String> ENGLISH =
      Set.of(
          "the", "and", "is", "not", "we", "you", "with", "a", "an", "on", "for", "at", "your",
          "our", "please", "dear", "hello", "thanks", "this", "that");

  private MailLanguage() {}

  public static Language of(MailMessage mail) {
    String declared =
        mail.contentLanguage() == null ? "" : mail.contentLanguage().toLowerCase(Locale.ROOT);
    if (declared.startsWith("de")) {
      return Language.DE;
    }
    if (declared.startsWith("en")) {
      return Language.EN;
    }
    int german = 0;
    int english = 0;
    String words =
        (mail.subject() == null ? "" : mail.subject())
            + " "
            + (mail.text() == null ? "" : mail.text());
    for (String word : words.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      if (GERMAN.contains(word)) {
        german++;
      } else if (ENGLISH.contains(word)) {
        english++;
      }
    }
    return german > english ? Language.DE : Language.EN;
  }
}
