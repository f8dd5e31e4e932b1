package org.meldekette.domain.risk;

import java.util.List;

/**
 * The circumstances of the breach (CB) of the ENISA method: loss of confidentiality, integrity and
 * availability, and malicious intent. Each is found at one of its levels; the method's table says
 * what each level adds to the severity.
 */
public enum Circumstance {
  CONFIDENTIALITY("confidentiality", List.of("NONE", "KNOWN_RECIPIENTS", "UNKNOWN_RECIPIENTS")),
  INTEGRITY("integrity", List.of("NONE", "RECOVERABLE", "UNRECOVERABLE")),
  AVAILABILITY("availability", List.of("NONE", "TEMPORARY", "PERMANENT")),
  MALICIOUS_INTENT("maliciousIntent", List.of("NO", "YES"));

  private final String field;
  private final List<String> levels;

  Circumstance(String field, List<String> levels) {
    this.field = field;
    this.levels = levels;
  }

  /** The levels a finding may name, least severe first. */
  public List<String> levels() {
    return levels;
  }

  /** The field that carries it in the API and in the method's table. */
  public String field() {
    return field;
  }
}
