package org.meldekette.domain;

import java.util.List;

/**
 * A request the incident's current state does not allow (answered 409): a transition whose exit
 * criteria are unmet, a skip without approval, a self-approval. {@code unmet} lists what is
 * missing, when that applies.
 */
public class Conflict extends RuntimeException {
  private final String code;
  private final List<Unmet> unmet;

  public Conflict(String code, String message, List<Unmet> unmet) {
    super(message, null, false, false);
    this.code = code;
    this.unmet = List.copyOf(unmet);
  }

  public Conflict(String code, String message) {
    this(code, message, List.of());
  }

  public String code() {
    return code;
  }

  public List<Unmet> unmet() {
    return unmet;
  }

  /** One exit criterion that does not hold. */
  public record Unmet(String code, String message) {}
}
