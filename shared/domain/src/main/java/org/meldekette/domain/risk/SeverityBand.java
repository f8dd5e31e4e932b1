package org.meldekette.domain.risk;

import org.meldekette.domain.RiskLevel;

/**
 * The ENISA method's severity levels. Where each begins is the method's table; what each means for
 * the clocks is GDPR's: a low severity is a breach unlikely to result in a risk (Art. 33(1)), a
 * medium one a risk, a high or very high one a high risk (Art. 34(1)).
 */
public enum SeverityBand {
  LOW(RiskLevel.LOW),
  MEDIUM(RiskLevel.MEDIUM),
  HIGH(RiskLevel.HIGH),
  VERY_HIGH(RiskLevel.HIGH);

  private final RiskLevel risk;

  SeverityBand(RiskLevel risk) {
    this.risk = risk;
  }

  /** The risk to the data subjects this band suggests. */
  public RiskLevel risk() {
    return risk;
  }
}
