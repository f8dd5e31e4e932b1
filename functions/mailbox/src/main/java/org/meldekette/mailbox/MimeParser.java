package org.meldekette.mailbox;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.meldekette.domain.mail.MailAttachment;
import org.meldekette.domain.mail.MailMessage;

/**
 * Reads a raw RFC 5322 message with Eclipse Angus Mail, never by hand: headers with their encoded
 * words and charsets, the readable text (text/plain, or HTML turned into plain text), attachments
 * listed with name, type, size and SHA-256 — hashed as a stream, never unpacked or run. Hostile
 * input is bounded: parts nested deeper than {@link #MAX_DEPTH}, more than {@link #MAX_PARTS}
 * parts, and text past {@link #MAX_TEXT} are left in the raw message and named as problems.
 */
final class MimeParser {
  static final int MAX_DEPTH = 20;
  static final int MAX_PARTS = 500;
  static final int MAX_TEXT = 100_000;
  private static final Session SESSION = Session.getInstance(lenient());

  private MimeParser() {}

  private static Properties lenient() {
    Properties p = new Properties();
    p.setProperty("mail.mime.address.strict", "false");
    p.setProperty("mail.mime.decodetext.strict", "false");
    p.setProperty("mail.mime.parameters.strict", "false");
    p.setProperty("mail.mime.decodefilename", "true");
    p.setProperty("mail.mime.decodeparameters", "true");
    p.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
    p.setProperty("mail.mime.multipart.allowempty", "true");
    return p;
  }

  /**
   * Parses {@code raw}; {@code headersOnly} for a message over the size cap, whose body is left to
   * the raw copy.
   */
  static MailMessage parse(byte[] raw, boolean headersOnly) {
    Walk walk = new Walk();
    MimeMessage message;
    try {
      message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
    } catch (MessagingException | RuntimeException e) {
      walk.problems.add("not a readable message: " + e.getClass().getSimpleName());
      return empty(walk);
    }
    if (headersOnly) {
      walk.problems.add("over the size cap: the body is kept raw, not read");
    } else {
      walk.part(message, 0);
    }
    InternetAddress from = first(header(message, "From"));
    List<String> recipients = new ArrayList<>();
    for (String name : List.of("To", "Cc", "Delivered-To", "X-Original-To")) {
      for (InternetAddress address : addresses(header(message, name))) {
        recipients.add(address.getAddress());
      }
    }
    String contentType = header(message, "Content-Type");
    return new MailMessage(
        stripBrackets(header(message, "Message-ID")),
        references(message),
        from == null ? null : from.getAddress(),
        from == null ? null : from.getPersonal(),
        recipients,
        decoded(header(message, "Subject")),
        walk.text(),
        date(message),
        header(message, "Content-Language"),
        walk.attachments,
        header(message, "Auto-Submitted"),
        header(message, "Precedence"),
        header(message, "X-Auto-Response-Suppress") != null,
        header(message, "X-Autoreply") != null || header(message, "X-Autorespond") != null,
        header(message, "List-Id") != null || header(message, "List-Unsubscribe") != null,
        header(message, "Return-Path") == null ? null : header(message, "Return-Path").strip(),
        contentType != null
            && contentType.toLowerCase(Locale.ROOT).strip().startsWith("multipart/report"),
        all(message, "Authentication-Results"),
        walk.problems);
  }

  private static MailMessage empty(Walk walk) {
    return new MailMessage(
        null,
        List.of(),
        null,
        null,
        List.of(),
        null,
        "",
        null,
        null,
        List.of(),
        null,
        null,
        false,
        false,
        false,
        null,
        false,
        List.of(),
        walk.problems);
  }

  /** The parts of a message, depth first, within the bounds. */
  private static final class Walk {
    final List<MailAttachment> attachments = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    String plain;
    String html;
    int parts;

    void part(Part part, int depth) {
      if (++parts > MAX_PARTS) {
        problem("more than " + MAX_PARTS + " parts: the rest is kept raw only");
        return;
      }
      if (depth > MAX_DEPTH) {
        problem("parts nested deeper than " + MAX_DEPTH + ": the rest is kept raw only");
        return;
      }
      try {
        if (part.isMimeType("multipart/*")) {
          Object content = part.getContent();
          if (content instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
              BodyPart child = multipart.getBodyPart(i);
              part(child, depth + 1);
            }
          }
          return;
        }
        String disposition = lower(part.getDisposition());
        String fileName = fileName(part);
        boolean text = part.isMimeType("text/plain") || part.isMimeType("text/html");
        if (!text || Part.ATTACHMENT.equals(disposition) || fileName != null) {
          attachment(part, fileName);
        } else if (part.isMimeType("text/plain") && plain == null) {
          plain = read(part);
        } else if (part.isMimeType("text/html") && html == null) {
          html = read(part);
        }
      } catch (MessagingException | IOException | RuntimeException e) {
        problem("a part could not be read (" + e.getClass().getSimpleName() + "): kept raw");
      }
    }

    void attachment(Part part, String fileName) throws MessagingException {
      MessageDigest sha = sha256();
      long size = 0;
      try (InputStream in = part.getInputStream()) {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
          sha.update(buffer, 0, n);
          size += n;
        }
      } catch (IOException | RuntimeException undecodable) {
        problem("an attachment's encoding is broken: its hash is of what could be read");
      }
      String type = part.getContentType();
      attachments.add(
          new MailAttachment(
              fileName == null ? "(unnamed)" : fileName,
              type == null
                  ? "application/octet-stream"
                  : type.split(";")[0].strip().toLowerCase(Locale.ROOT),
              size,
              HexFormat.of().formatHex(sha.digest())));
    }

    String text() {
      String text = plain != null ? plain : html != null ? HtmlText.of(html) : "";
      if (text.length() > MAX_TEXT) {
        problem("text longer than " + MAX_TEXT + " characters: cut, the whole is kept raw");
        text = text.substring(0, MAX_TEXT);
      }
      return text;
    }

    void problem(String what) {
      if (!problems.contains(what)) {
        problems.add(what);
      }
    }
  }

  /**
   * A text part in its charset; an unknown or broken charset read as Windows-1252, never failed.
   */
  private static String read(Part part) throws MessagingException, IOException {
    byte[] bytes;
    try (InputStream in = part.getInputStream()) {
      bytes = in.readAllBytes();
    }
    String charset = charset(part.getContentType());
    try {
      return new String(
          bytes, Charset.forName(charset == null ? "us-ascii" : MimeUtility.javaCharset(charset)));
    } catch (RuntimeException unknown) {
      return new String(bytes, Charset.forName("windows-1252"));
    }
  }

  private static String charset(String contentType) {
    if (contentType == null) {
      return null;
    }
    for (String param : contentType.split(";")) {
      String p = param.strip();
      if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
        return p.substring(8).replace("\"", "").strip();
      }
    }
    return null;
  }

  private static String fileName(Part part) {
    try {
      String name = part.getFileName();
      return name == null || name.isBlank() ? null : decoded(name);
    } catch (MessagingException | RuntimeException e) {
      return "(name not readable)";
    }
  }

  private static String header(MimeMessage message, String name) {
    try {
      return message.getHeader(name, ", ");
    } catch (MessagingException e) {
      return null;
    }
  }

  private static List<String> all(MimeMessage message, String name) {
    try {
      String[] values = message.getHeader(name);
      return values == null ? List.of() : List.of(values);
    } catch (MessagingException e) {
      return List.of();
    }
  }

  private static List<InternetAddress> addresses(String header) {
    if (header == null) {
      return List.of();
    }
    try {
      return List.of(InternetAddress.parseHeader(header, false));
    } catch (MessagingException | RuntimeException e) {
      return List.of();
    }
  }

  private static InternetAddress first(String header) {
    List<InternetAddress> all = addresses(header);
    return all.isEmpty() || all.get(0).getAddress() == null ? null : all.get(0);
  }

  private static List<String> references(MimeMessage message) {
    List<String> ids = new ArrayList<>();
    for (String name : List.of("In-Reply-To", "References")) {
      String value = header(message, name);
      if (value != null) {
        for (String id : value.split("[\\s,]+")) {
          String stripped = stripBrackets(id);
          if (stripped != null && !stripped.isEmpty() && !ids.contains(stripped)) {
            ids.add(stripped);
          }
        }
      }
    }
    return ids;
  }

  private static Instant date(MimeMessage message) {
    try {
      return message.getSentDate() == null ? null : message.getSentDate().toInstant();
    } catch (MessagingException | RuntimeException e) {
      return null;
    }
  }

  private static String decoded(String value) {
    if (value == null) {
      return null;
    }
    try {
      return MimeUtility.decodeText(MimeUtility.unfold(value));
    } catch (IOException | RuntimeException e) {
      return value;
    }
  }

  private static String stripBrackets(String id) {
    if (id == null) {
      return null;
    }
    String s = id.strip();
    if (s.startsWith("<")) {
      s = s.substring(1);
    }
    if (s.endsWith(">")) {
      s = s.substring(0, s.length() - 1);
    }
    return s.isEmpty() ? null : s;
  }

  private static String lower(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
