package org.meldekette.domain;

/** The incident or record a request names does not exist (answered 404). */
public class NotFound extends RuntimeException {
  public NotFound(String message) {
    super(message, null, false, false);
  }
}
