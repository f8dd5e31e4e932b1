package org.meldekette.domain;

/** What a measure is for: stopping the incident, repairing the damage, or preventing a repeat. */
public enum MeasureType {
  CONTAINMENT,
  CORRECTIVE,
  PREVENTIVE
}
