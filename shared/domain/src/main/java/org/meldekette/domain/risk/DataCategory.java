package org.meldekette.domain.risk;

/**
 * The four categories of personal data of the ENISA method (step 1 of the data processing context);
 * each has a basic score in the method's table. Credentials take the category of what they open.
 */
public enum DataCategory {
  SIMPLE,
  BEHAVIOURAL,
  FINANCIAL,
  SENSITIVE
}
