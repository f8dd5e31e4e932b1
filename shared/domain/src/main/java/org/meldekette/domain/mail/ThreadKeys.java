package org.meldekette.domain.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a reply finds its report: every mail Meldekette sends carries a Message-ID and a reply
 * address ({@code security+<token>@…}) with an HMAC only Meldekette can make, so a reply matched by
 * either is the reporter's own; a subject tag ({@code [INC-…]}) anyone can type, so a match by it
 * alone is only an unverified follow-up for staff to confirm.
 */
public final class ThreadKeys {
  private static final Pattern INCIDENT = Pattern.compile("INC-\\d{8}-[0-9A-Z]{6}");
  private static final Pattern TOKEN =
      Pattern.compile("\\+(inc-\\d{8}-[0-9a-z]{6})-([0-9a-z]{12})@", Pattern.CASE_INSENSITIVE);
  private static final Pattern MESSAGE_ID =
      Pattern.compile(
          "^meldekette\\.(INC-\\d{8}-[0-9A-Z]{6})\\.([0-9A-Za-z-]{1,64})\\.([0-9a-z]{16})@.+$");
  private static final Pattern TAG = Pattern.compile("\\[(INC-\\d{8}-[0-9A-Z]{6})]");
  private static final char[] BASE32 = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

  private final byte[] key;
  private final String mailbox;

  /**
   * @param key the secret the HMACs are made with (Secret Manager), at least 16 bytes
   * @param mailbox the published address, {@code security@example.com}
   */
  public ThreadKeys(byte[] key, String mailbox) {
    if (key.length < 16) {
      throw new IllegalArgumentException("the thread key needs at least 16 bytes");
    }
    if (mailbox.indexOf('@') < 1) {
      throw new IllegalArgumentException("the mailbox is an address: " + mailbox);
    }
    this.key = key.clone();
    this.mailbox = mailbox.toLowerCase(Locale.ROOT);
  }

  public String mailbox() {
    return mailbox;
  }

  /** {@code security+inc-20261204-abc123-<mac>@example.com}: replies to it reach the report. */
  public String replyAddress(String incidentId) {
    String token = incidentId.toLowerCase(Locale.ROOT);
    int at = mailbox.indexOf('@');
    return mailbox.substring(0, at)
        + "+"
        + token
        + "-"
        + mac("reply|" + incidentId, 12)
        + mailbox.substring(at);
  }

  /** A Message-ID for mail {@code key} about the incident, without angle brackets. */
  public String messageId(String incidentId, String key) {
    String domain = mailbox.substring(mailbox.indexOf('@') + 1);
    return "meldekette."
        + incidentId
        + "."
        + key
        + "."
        + mac(incidentId + "|" + key, 16)
        + "@"
        + domain;
  }

  /** The subject tag a reply usually keeps. */
  public static String subjectTag(String incidentId) {
    return "[" + incidentId + "]";
  }

  /** The incident a verified reply address among {@code recipients} names. */
  public Optional<String> byReplyAddress(List<String> recipients) {
    for (String recipient : recipients) {
      Matcher m = TOKEN.matcher(recipient == null ? "" : recipient);
      if (m.find()) {
        String id = m.group(1).toUpperCase(Locale.ROOT);
        if (same(m.group(2).toLowerCase(Locale.ROOT), mac("reply|" + id, 12))) {
          return Optional.of(id);
        }
      }
    }
    return Optional.empty();
  }

  /** The incident one of our own Message-IDs in In-Reply-To or References names, verified. */
  public Optional<String> byReference(List<String> references) {
    for (String reference : references) {
      Matcher m = MESSAGE_ID.matcher(reference == null ? "" : reference.strip());
      if (m.matches() && same(m.group(3), mac(m.group(1) + "|" + m.group(2), 16))) {
        return Optional.of(m.group(1));
      }
    }
    return Optional.empty();
  }

  /** The incident a subject tag names, unverified (anyone can type it). */
  public static Optional<String> bySubjectTag(String subject) {
    Matcher m = TAG.matcher(subject == null ? "" : subject.toUpperCase(Locale.ROOT));
    return m.find() && INCIDENT.matcher(m.group(1)).matches()
        ? Optional.of(m.group(1))
        : Optional.empty();
  }

  private String mac(String text, int length) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] digest = hmac.doFinal(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder out = new StringBuilder();
      for (int i = 0; out.length() < length; i++) {
        out.append(BASE32[(digest[i] & 0xff) % 32]);
      }
      return out.toString();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  private static boolean same(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }
}
