package org.meldekette.alerts;

/**
 * A message that is not an alert Meldekette understands: recorded as rejected and acknowledged,
 * never retried.
 */
class MalformedAlert extends Exception {
  private final String code;

  MalformedAlert(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  String code() {
    return code;
  }
}
