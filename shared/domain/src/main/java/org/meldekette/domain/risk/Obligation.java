package org.meldekette.domain.risk;

/** What GDPR asks the operator to do about a breach, suggested from the assessed risk. */
public enum Obligation {
  /** Art. 33(5): document the breach in the register; every breach. */
  DOCUMENT_IN_REGISTER,
  /** Art. 33(1): notify the supervisory authority within 72 hours of awareness. */
  NOTIFY_AUTHORITY,
  /** Art. 34(1): inform the data subjects without undue delay. */
  INFORM_DATA_SUBJECTS,
  /** Art. 34(3)(c): a public communication instead of informing each data subject. */
  PUBLIC_COMMUNICATION,
  /** Art. 33(2): acting as processor, inform the controller without undue delay. */
  INFORM_CONTROLLER
}
