package org.meldekette.domain;

/** Signed in, but without the role the request needs (answered 403). */
public class Forbidden extends RuntimeException {
  public Forbidden(String message) {
    super(message, null, false, false);
  }
}
