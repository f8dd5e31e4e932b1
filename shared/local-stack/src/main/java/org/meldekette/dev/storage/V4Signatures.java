package org.meldekette.dev.storage;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.meldekette.dev.storage.Buckets.Refusal;

/**
 * Checks a V4 signed URL (GOOG4-RSA-SHA256) as Cloud Storage does: the canonical request is rebuilt
 * from the method, path, query and signed headers, and its signature verified with the signer's
 * public key; an expired or tampered URL, or a request without a header the URL was signed with, is
 * refused.
 */
final class V4Signatures {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
  private static final long MAX_EXPIRES_SECONDS = 7 * 24 * 3600;

  private final PublicKey signer;

  V4Signatures(PublicKey signer) {
    this.signer = signer;
  }

  static boolean isSigned(String rawQuery) {
    return rawQuery != null && rawQuery.contains("X-Goog-Signature=");
  }

  /**
   * Refuses the request unless its URL is signed by the signer, unexpired at {@code now}, and it
   * carries every signed header. {@code header} gives a request header by lower-case name.
   */
  void verify(
      String method,
      String rawPath,
      String rawQuery,
      Function<String, String> header,
      Instant now) {
    Map<String, String> query = decode(rawQuery);
    if (!"GOOG4-RSA-SHA256".equals(query.get("X-Goog-Algorithm"))) {
      throw new Refusal(400, "InvalidArgument", "only GOOG4-RSA-SHA256 signed URLs are accepted");
    }
    String date = require(query, "X-Goog-Date");
    Instant signedAt;
    long expires;
    try {
      signedAt = LocalDateTime.parse(date, STAMP).toInstant(ZoneOffset.UTC);
      expires = Long.parseLong(require(query, "X-Goog-Expires"));
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new Refusal(400, "InvalidArgument", "malformed X-Goog-Date or X-Goog-Expires");
    }
    if (expires < 1 || expires > MAX_EXPIRES_SECONDS) {
      throw new Refusal(400, "InvalidArgument", "X-Goog-Expires out of range");
    }
    if (now.isAfter(signedAt.plusSeconds(expires)) || now.isBefore(signedAt.minusSeconds(300))) {
      throw new Refusal(400, "ExpiredToken", "Invalid argument: the signed URL has expired");
    }
    String credential = require(query, "X-Goog-Credential");
    String scope = credential.substring(credential.indexOf('/') + 1);
    String signedHeaders = require(query, "X-Goog-SignedHeaders");

    StringBuilder canonicalHeaders = new StringBuilder();
    for (String name : signedHeaders.split(";")) {
      String value = header.apply(name);
      if (value == null) {
        throw new Refusal(
            403, "SignatureDoesNotMatch", "the request lacks the signed header " + name);
      }
      canonicalHeaders
          .append(name)
          .append(':')
          .append(value.strip().replaceAll("\\s+", " "))
          .append('\n');
    }
    List<String> pairs = new ArrayList<>();
    query.forEach(
        (name, value) -> {
          if (!name.equals("X-Goog-Signature")) {
            pairs.add(encode(name) + "=" + encode(value));
          }
        });
    pairs.sort(null);
    String canonicalRequest =
        method
            + "\n"
            + rawPath
            + "\n"
            + String.join("&", pairs)
            + "\n"
            + canonicalHeaders
            + "\n"
            + signedHeaders
            + "\n"
            + "UNSIGNED-PAYLOAD";
    String stringToSign =
        "GOOG4-RSA-SHA256\n"
            + date
            + "\n"
            + scope
            + "\n"
            + HexFormat.of()
                .formatHex(
                    Buckets.digest("SHA-256", canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(signer);
      rsa.update(stringToSign.getBytes(StandardCharsets.UTF_8));
      if (!rsa.verify(HexFormat.of().parseHex(require(query, "X-Goog-Signature")))) {
        throw new Refusal(
            403, "SignatureDoesNotMatch", "the request signature does not match the URL");
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new Refusal(403, "SignatureDoesNotMatch", "the request signature is malformed");
    }
  }

  static Map<String, String> decode(String rawQuery) {
    Map<String, String> query = new TreeMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      query.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8));
    }
    return query;
  }

  /** RFC 3986 percent-encoding: everything but the unreserved characters. */
  static String encode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static String require(Map<String, String> query, String name) {
    String value = query.get(name);
    if (value == null || value.isEmpty()) {
      throw new Refusal(400, "InvalidArgument", "the signed URL lacks " + name);
    }
    return value;
  }
}
