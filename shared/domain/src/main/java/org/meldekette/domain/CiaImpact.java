package org.meldekette.domain;

/**
 * The impact on confidentiality, integrity and availability; each part may still be unknown (null).
 */
public record CiaImpact(
    ImpactLevel confidentiality, ImpactLevel integrity, ImpactLevel availability) {
  public boolean isComplete() {
    return confidentiality != null && integrity != null && availability != null;
  }
}
