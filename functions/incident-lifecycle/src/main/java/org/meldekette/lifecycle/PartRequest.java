package org.meldekette.lifecycle;

import com.google.cloud.functions.HttpRequest;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.meldekette.http.FormUrlEncoded;

/**
 * The request a sub-resource's handler sees when its answer is included in another: a GET without a
 * body, with the part's own query, and the headers of the request that asked for it.
 */
final class PartRequest implements HttpRequest {
  private final HttpRequest outer;
  private final String query;

  PartRequest(HttpRequest outer, String query) {
    this.outer = outer;
    this.query = query;
  }

  @Override
  public String getMethod() {
    return "GET";
  }

  @Override
  public String getUri() {
    return outer.getUri();
  }

  @Override
  public String getPath() {
    return outer.getPath();
  }

  @Override
  public Optional<String> getQuery() {
    return query.isEmpty() ? Optional.empty() : Optional.of(query);
  }

  @Override
  public Map<String, List<String>> getQueryParameters() {
    return FormUrlEncoded.parseQuery(query);
  }

  @Override
  public Map<String, HttpPart> getParts() {
    return Map.of();
  }

  @Override
  public Optional<String> getContentType() {
    return Optional.empty();
  }

  @Override
  public long getContentLength() {
    return 0;
  }

  @Override
  public Optional<String> getCharacterEncoding() {
    return Optional.empty();
  }

  @Override
  public InputStream getInputStream() {
    return InputStream.nullInputStream();
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(new StringReader(""));
  }

  @Override
  public Map<String, List<String>> getHeaders() {
    return outer.getHeaders();
  }
}
