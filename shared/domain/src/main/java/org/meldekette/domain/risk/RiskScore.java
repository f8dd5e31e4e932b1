package org.meldekette.domain.risk;

import java.math.BigDecimal;

/**
 * The severity the method gives, with its parts: SE = DPC × EI + CB.
 *
 * @param method the version of the method's table that scored it
 * @param dpc the data processing context: the highest score of the categories concerned
 * @param ei the factor for the ease of identification
 * @param cb what the circumstances of the breach add
 */
public record RiskScore(
    String method, int dpc, BigDecimal ei, BigDecimal cb, BigDecimal severity, SeverityBand band) {

  /**
   * The severity as people write it: {@code 2}, {@code 2.25}, never {@code 2.00} or {@code 2E+0}.
   */
  public String severityText() {
    return plain(severity);
  }

  /** A decimal as people write it. */
  public static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
