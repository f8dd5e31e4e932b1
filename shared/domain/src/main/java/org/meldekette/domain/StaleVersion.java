package org.meldekette.domain;

/**
 * A change was based on an older version of the incident than the current one (answered 412):
 * someone else changed it in the meantime, and the caller must look again before deciding.
 */
public class StaleVersion extends RuntimeException {
  private final long current;

  public StaleVersion(long expected, long current) {
    super(
        "the incident is at version " + current + ", not " + expected + "; reload it and try again",
        null,
        false,
        false);
    this.current = current;
  }

  public long current() {
    return current;
  }
}
