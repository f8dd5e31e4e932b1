package org.meldekette.dev.storage;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.meldekette.dev.storage.Buckets.Refusal;

/** A {@code multipart/related} upload: the object's JSON metadata, then its bytes. */
record Multipart(String metadata, String mediaType, byte[] media) {
  static Multipart parse(String contentType, byte[] body) {
    int at = contentType == null ? -1 : contentType.indexOf("boundary=");
    if (at < 0) {
      throw new Refusal(400, "invalid", "a multipart upload names its boundary");
    }
    String boundary = contentType.substring(at + 9).replace("\"", "").split(";")[0].strip();
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    List<byte[]> parts = new java.util.ArrayList<>();
    int start = indexOf(body, delimiter, 0);
    while (start >= 0) {
      int contentStart = start + delimiter.length;
      if (contentStart + 1 < body.length
          && body[contentStart] == '-'
          && body[contentStart + 1] == '-') {
        break;
      }
      int next = indexOf(body, delimiter, contentStart);
      if (next < 0) {
        break;
      }
      parts.add(java.util.Arrays.copyOfRange(body, contentStart, next));
      start = next;
    }
    if (parts.size() < 2) {
      throw new Refusal(400, "invalid", "a multipart upload has metadata and media");
    }
    Part meta = Part.of(parts.get(0));
    Part media = Part.of(parts.get(1));
    return new Multipart(
        new String(meta.body(), StandardCharsets.UTF_8), media.type(), media.body());
  }

  private record Part(String type, byte[] body) {
    static Part of(byte[] raw) {
      byte[] separator = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
      int headersEnd = indexOf(raw, separator, 0);
      String headers = new String(raw, 0, headersEnd, StandardCharsets.ISO_8859_1);
      String type = null;
      for (String line : headers.split("\r\n")) {
        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:")) {
          type = line.substring(13).strip();
        }
      }
      int end = raw.length;
      if (end >= 2 && raw[end - 2] == '\r' && raw[end - 1] == '\n') {
        end -= 2;
      }
      return new Part(type, java.util.Arrays.copyOfRange(raw, headersEnd + 4, end));
    }
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
