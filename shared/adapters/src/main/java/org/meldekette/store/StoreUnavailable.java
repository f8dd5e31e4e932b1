package org.meldekette.store;

/** Firestore could not be reached or answered with a transient error; the caller may retry. */
public class StoreUnavailable extends RuntimeException {
  public StoreUnavailable(Throwable cause) {
    super("Firestore is unavailable: " + cause.getMessage(), cause);
  }
}
