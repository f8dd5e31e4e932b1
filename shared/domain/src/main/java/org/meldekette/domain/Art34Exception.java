package org.meldekette.domain;

/**
 * Why data subjects need not be informed of a breach likely to result in a high risk (Art. 34(3)
 * GDPR). Not informing them at high risk without one of these named is refused.
 */
public enum Art34Exception {
  /**
   * (a) The data were protected so that they are unintelligible to anyone not authorised, such as
   * by encryption.
   */
  ENCRYPTED,
  /** (b) Measures taken since ensure the high risk is no longer likely to materialise. */
  SUBSEQUENT_MEASURES,
  /**
   * (c) Informing each data subject would involve disproportionate effort; a public communication
   * informs them instead, and only that communication meets the Art. 34 clock.
   */
  DISPROPORTIONATE_EFFORT;

  /** The audience of the communication that replaces informing each data subject, or null. */
  public Audience communicationInstead() {
    return this == DISPROPORTIONATE_EFFORT ? Audience.PRESS : null;
  }
}
