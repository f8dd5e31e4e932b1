package org.meldekette.http;

import com.google.cloud.functions.HttpRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads request bodies with a size limit and strict UTF-8, before any of it is trusted. */
public final class RequestBodies {
  private RequestBodies() {}

  /**
   * The body as text. Over {@code maxBytes} is 413 (checked against Content-Length first, then
   * while reading, since a client may send more than it announced); bytes that are not UTF-8 are
   * 400.
   */
  public static String readUtf8(HttpRequest request, int maxBytes) throws IOException {
    return decodeUtf8(readBytes(request, maxBytes), null);
  }

  /** The body as bytes (a raw mail); over {@code maxBytes} is 413, as for text. */
  public static byte[] readBytes(HttpRequest request, int maxBytes) throws IOException {
    if (request.getContentLength() > maxBytes) {
      throw tooLarge(maxBytes);
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(maxBytes + 1);
    }
    if (body.length > maxBytes) {
      throw tooLarge(maxBytes);
    }
    return body;
  }

  /** Strict UTF-8: malformed input is an error rather than silently replaced. */
  public static String decodeUtf8(byte[] bytes, String field) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw ApiException.badRequest(field, "INVALID_ENCODING", "the request is not valid UTF-8");
    }
  }

  private static ApiException tooLarge(int maxBytes) {
    return new ApiException(
        413, "BODY_TOO_LARGE", "the request body is larger than " + maxBytes + " bytes");
  }
}
