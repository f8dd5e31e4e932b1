package org.meldekette.domain.mail;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the receiving mail server found about the sender (RFC 8601 Authentication-Results), read
 * only from the header the mailbox's own server wrote ({@code authservId}), never one the sender
 * could have written. Without a DMARC pass the sender may be forged: such mail is flagged and gets
 * no automatic answer, so a forged sender never makes Meldekette write to a victim (backscatter).
 *
 * @param spf the SPF result ({@code pass}, {@code fail}, …) or {@code none}
 * @param dkim the best DKIM result or {@code none}
 * @param dmarc the DMARC result or {@code none}
 */
public record SenderVerdict(String spf, String dkim, String dmarc) {
  private static final Pattern METHOD =
      Pattern.compile("(?:^|;)\\s*(spf|dkim|dmarc)\\s*=\\s*([a-z]+)", Pattern.CASE_INSENSITIVE);

  public static final SenderVerdict NONE = new SenderVerdict("none", "none", "none");

  /** Aligned and authenticated: DMARC passed. */
  public boolean authentic() {
    return dmarc.equals("pass");
  }

  /**
   * The verdict of the first Authentication-Results header (topmost: the last hop, our own server)
   * whose authserv-id is {@code authservId}; {@link #NONE} when there is none.
   */
  public static SenderVerdict of(List<String> authenticationResults, String authservId) {
    if (authservId == null || authservId.isBlank()) {
      return NONE;
    }
    for (String header : authenticationResults) {
      String value = header.strip();
      int semicolon = value.indexOf(';');
      String servId = (semicolon < 0 ? value : value.substring(0, semicolon)).strip();
      // The authserv-id may carry a version ("mx.example.com 1"): compare its first word.
      servId = servId.split("\\s+")[0];
      if (!servId.equalsIgnoreCase(authservId)) {
        continue;
      }
      String spf = "none";
      String dkim = "none";
      String dmarc = "none";
      Matcher m = METHOD.matcher(semicolon < 0 ? "" : value.substring(semicolon));
      while (m.find()) {
        String result = m.group(2).toLowerCase(Locale.ROOT);
        switch (m.group(1).toLowerCase(Locale.ROOT)) {
          case "spf" -> spf = spf.equals("none") ? result : spf;
          case "dkim" -> dkim = dkim.equals("pass") ? dkim : result;
          default -> dmarc = dmarc.equals("none") ? result : dmarc;
        }
      }
      return new SenderVerdict(spf, dkim, dmarc);
    }
    return NONE;
  }
}
