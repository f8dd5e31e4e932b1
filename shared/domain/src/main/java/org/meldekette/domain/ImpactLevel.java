package org.meldekette.domain;

/** How badly one of confidentiality, integrity or availability is hit. */
public enum ImpactLevel {
  NONE,
  LOW,
  MEDIUM,
  HIGH
}
