package org.meldekette.domain.risk;

/**
 * What moves a category's basic score up or down (step 2 of the data processing context in the
 * ENISA method); which way each may move it is part of the method's table.
 */
public enum ContextFactor {
  /** The volume of data about a person: a year of call records says more than a week's. */
  VOLUME,
  /** What the controller is: the customer list of a pharmacy hints at health. */
  CONTROLLER_CHARACTERISTICS,
  /** Who the people are: children, vulnerable persons, protected witnesses. */
  INDIVIDUAL_CHARACTERISTICS,
  /** The data are invalid or inaccurate (expired cards, outdated addresses). */
  INVALID_OR_INACCURATE,
  /** The data were public before the breach. */
  PUBLICLY_AVAILABLE,
  /** What the data reveal is less, or more, than their category suggests. */
  NATURE_OF_DATA
}
