package org.meldekette.domain;

/** The outcome of checking whether a measure worked. */
public enum EffectivenessResult {
  EFFECTIVE,
  PARTIALLY_EFFECTIVE,
  NOT_EFFECTIVE
}
