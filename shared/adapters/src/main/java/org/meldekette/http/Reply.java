package org.meldekette.http;

import com.google.cloud.functions.HttpResponse;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.meldekette.json.Json;

/**
 * A function's answer, held until {@link #send()}: the request's log line is written before the
 * answer leaves, because Cloud Functions throttles the CPU once a response is out.
 */
public final class Reply {
  private final HttpResponse response;
  private int status = 200;
  private String errorCode;
  private String body;
  private byte[] bytes;

  public Reply(HttpResponse response) {
    this.response = response;
  }

  public void header(String name, String value) {
    response.appendHeader(name, value);
  }

  public void json(int status, Object body) throws IOException {
    text(status, "application/json; charset=utf-8", Json.write(body));
  }

  public void text(int status, String contentType, String body) throws IOException {
    this.status = status;
    response.setStatusCode(status);
    response.setContentType(contentType);
    // Answers carry incident data: never cached by a browser or proxy, never sniffed as another
    // type.
    response.appendHeader("Cache-Control", "no-store");
    response.appendHeader("X-Content-Type-Options", "nosniff");
    this.body = body;
  }

  /** A body of bytes (a raw mail to download), never cached, never sniffed. */
  public void bytes(int status, String contentType, byte[] content, String fileName)
      throws IOException {
    this.status = status;
    response.setStatusCode(status);
    response.setContentType(contentType);
    response.appendHeader("Cache-Control", "no-store");
    response.appendHeader("X-Content-Type-Options", "nosniff");
    response.appendHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    this.bytes = content;
  }

  /** Sends the body, if any; called once, after the request is logged. */
  public void send() throws IOException {
    if (bytes != null) {
      try (java.io.OutputStream out = response.getOutputStream()) {
        out.write(bytes);
      }
      return;
    }
    if (body != null) {
      try (Writer writer = response.getWriter()) {
        writer.write(body);
      }
    }
  }

  public void empty(int status) {
    this.status = status;
    response.setStatusCode(status);
  }

  public void error(ApiException error) throws IOException {
    errorCode = error.code();
    if (error.retryAfterSeconds() != null) {
      header("Retry-After", String.valueOf(error.retryAfterSeconds()));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", error.code());
    body.put("message", error.getMessage());
    if (error.field() != null) {
      body.put("field", error.field());
    }
    body.putAll(error.details());
    json(error.status(), Map.of("error", body));
  }

  public int status() {
    return status;
  }

  public String errorCode() {
    return errorCode;
  }
}
