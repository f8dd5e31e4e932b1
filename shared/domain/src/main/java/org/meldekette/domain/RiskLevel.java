package org.meldekette.domain;

/** Risk to the rights and freedoms of data subjects; HIGH is the Art. 34 threshold. */
public enum RiskLevel {
  LOW,
  MEDIUM,
  HIGH
}
