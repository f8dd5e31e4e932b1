package org.meldekette.domain.risk;

/** Ease of identification (EI) in the ENISA method: four levels, each with a factor. */
public enum Identifiability {
  NEGLIGIBLE,
  LIMITED,
  SIGNIFICANT,
  MAXIMUM
}
