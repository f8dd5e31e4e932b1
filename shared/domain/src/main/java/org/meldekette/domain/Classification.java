package org.meldekette.domain;

/** Whether an incident compromised personal data (Art. 4(12) GDPR); if so it is also a breach. */
public enum Classification {
  INCIDENT,
  BREACH
}
