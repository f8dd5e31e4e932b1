package org.meldekette.domain;

/** Operational severity, P1 the most urgent. */
public enum Severity {
  P1,
  P2,
  P3,
  P4
}
