package org.meldekette.domain.risk;

/**
 * The factors EDPB Guidelines 9/2022 on personal data breach notification ask a controller to weigh
 * when assessing the risk to individuals: a checklist beside the score, each answered in words.
 */
public enum EdpbFactor {
  TYPE_OF_BREACH,
  NATURE_SENSITIVITY_VOLUME,
  EASE_OF_IDENTIFICATION,
  SEVERITY_OF_CONSEQUENCES,
  SPECIAL_CHARACTERISTICS_OF_INDIVIDUALS,
  SPECIAL_CHARACTERISTICS_OF_CONTROLLER,
  NUMBER_OF_INDIVIDUALS
}
