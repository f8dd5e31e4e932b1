package org.meldekette.mailbox;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML mail as plain text, safely: scripts, styles and comments go with their content, tags go,
 * block ends become line breaks, entities are decoded. Nothing is rendered or run; the result is
 * shown as text only.
 */
final class HtmlText {
  private static final Pattern DROPPED =
      Pattern.compile(
          "(?is)<(script|style|head|title|template|noscript)\\b.*?</\\1\\s*>|<!--.*?-->|<!\\[CDATA\\[.*?]]>");
  private static final Pattern BREAK =
      Pattern.compile("(?i)<\\s*(br|/p|/div|/li|/tr|/h[1-6]|p|div|li|tr|h[1-6])\\b[^>]*>");
  private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
  private static final Pattern ENTITY =
      Pattern.compile("&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});");

  private HtmlText() {}

  static String of(String html) {
    String text = DROPPED.matcher(html).replaceAll(" ");
    text = BREAK.matcher(text).replaceAll("\n");
    text = TAG.matcher(text).replaceAll("");
    text = entities(text);
    return text.replaceAll("[ \\t\\x0B\\f\\r]+", " ")
        .replaceAll(" *\\n *", "\n")
        .replaceAll("\\n{3,}", "\n\n")
        .strip();
  }

  private static String entities(String text) {
    Matcher m = ENTITY.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String e = m.group(1);
      String replacement;
      try {
        if (e.startsWith("#x") || e.startsWith("#X")) {
          replacement = codePoint(Integer.parseInt(e.substring(2), 16));
        } else if (e.startsWith("#")) {
          replacement = codePoint(Integer.parseInt(e.substring(1)));
        } else {
          replacement =
              switch (e.toLowerCase(Locale.ROOT)) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> " ";
                case "auml" -> "ä";
                case "ouml" -> "ö";
                case "uuml" -> "ü";
                case "szlig" -> "ß";
                case "euro" -> "€";
                default -> m.group();
              };
          if (e.equals("Auml")) {
            replacement = "Ä";
          } else if (e.equals("Ouml")) {
            replacement = "Ö";
          } else if (e.equals("Uuml")) {
            replacement = "Ü";
          }
        }
      } catch (NumberFormatException tooLarge) {
        replacement = "";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String codePoint(int c) {
    return Character.isValidCodePoint(c) && !Character.isISOControl(c)
        ? new String(Character.toChars(c))
        : "";
  }
}
