package org.meldekette.domain;

/** Who an outgoing communication goes to. */
public enum Audience {
  /** The data protection supervisory authority (GDPR Art. 33). */
  SUPERVISORY_AUTHORITY,
  /** The data subjects (GDPR Art. 34). */
  DATA_SUBJECTS,
  PROCESSOR,
  CUSTOMERS,
  /** Press and public statements: these also need the COMMUNICATIONS role. */
  PRESS,
  /** The CSIRT or competent authority of a sector regime (NIS2, DORA). */
  COMPETENT_AUTHORITY,
  /**
   * The controller, when the operator of Meldekette processes the data on its behalf (Art. 33(2)).
   */
  CONTROLLER,
  /**
   * Whoever reported the incident through the form, on their status page. Gated like any external
   * communication once the incident was classified as a breach; before that a responder answers.
   */
  REPORTER
}
