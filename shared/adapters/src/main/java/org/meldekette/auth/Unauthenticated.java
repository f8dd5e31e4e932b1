package org.meldekette.auth;

/** No valid sign-in (answered 401). The message says what is wrong without echoing the token. */
public class Unauthenticated extends RuntimeException {
  public Unauthenticated(String message) {
    super(message, null, false, false);
  }
}
