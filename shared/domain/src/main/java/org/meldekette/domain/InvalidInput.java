package org.meldekette.domain;

/**
 * A request the domain refuses because a value is missing or wrong. Carries the field that is at
 * fault so the caller can show the error next to it; answered as 400 at the HTTP edge.
 */
public class InvalidInput extends RuntimeException {
  private final String field;
  private final String code;

  public InvalidInput(String field, String code, String message) {
    super(message, null, false, false);
    this.field = field;
    this.code = code;
  }

  /**
   * The field at fault, in the request's own naming (dotted for nested fields), or null for the
   * whole request.
   */
  public String field() {
    return field;
  }

  /** A stable, machine-readable reason such as {@code REQUIRED} or {@code TOO_LONG}. */
  public String code() {
    return code;
  }
}
