package org.meldekette.http;

import java.util.Map;
import org.meldekette.domain.Forbidden;
import org.meldekette.domain.InvalidInput;
import org.meldekette.domain.NotFound;

/**
 * An answer other than success, with its HTTP status. Rendered as {@code
 * {"error":{"code":...,"message":...,"field":...}}} plus any details (such as unmet criteria).
 */
public class ApiException extends RuntimeException {
  private final int status;
  private final String code;
  private final String field;
  private final Map<String, Object> details;
  private Long retryAfterSeconds;

  public ApiException(
      int status, String code, String message, String field, Map<String, Object> details) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.field = field;
    this.details = details == null ? Map.of() : Map.copyOf(details);
  }

  public ApiException(int status, String code, String message) {
    this(status, code, message, null, null);
  }

  public static ApiException badRequest(String field, String code, String message) {
    return new ApiException(400, code, message, field, null);
  }

  public static ApiException of(InvalidInput invalid) {
    return new ApiException(400, invalid.code(), invalid.getMessage(), invalid.field(), null);
  }

  public static ApiException of(NotFound missing) {
    return new ApiException(404, "NOT_FOUND", missing.getMessage());
  }

  public static ApiException of(Forbidden refused) {
    return new ApiException(403, "FORBIDDEN", refused.getMessage());
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String field() {
    return field;
  }

  public Map<String, Object> details() {
    return details;
  }

  /** Tells the client when to try again (the {@code Retry-After} header, in seconds). */
  public ApiException retryAfter(long seconds) {
    this.retryAfterSeconds = seconds;
    return this;
  }

  public Long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
