package org.meldekette.intake;

import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ResourceBundle;
import org.meldekette.domain.Language;
import org.meldekette.domain.ReceiptCode;
import org.meldekette.domain.Report;

/**
 * The answer a reporter reads after sending a report, in their language (texts in
 * acknowledgments_*.properties).
 */
final class Acknowledgments {
  private Acknowledgments() {}

  /**
   * The receipt a reporter gets: the incident ID, the acknowledgement, the receipt code (shown this
   * once; only its hash is kept) and where the status page is.
   */
  static Map<String, Object> receipt(Report report, String incidentId, ReceiptCode code) {
    Map<String, Object> receipt = new LinkedHashMap<>();
    receipt.put("incidentId", incidentId);
    receipt.put("message", forReport(report, incidentId));
    receipt.put("receiptCode", code.text());
    receipt.put("statusPage", "/status/");
    return receipt;
  }

  static String forReport(Report report, String incidentId) {
    Language language = report.language();
    ResourceBundle texts =
        ResourceBundle.getBundle(
            "org.meldekette.intake.acknowledgments",
            language.locale(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    String pattern = texts.getString(report.contact().canBeAnswered() ? "answerable" : "anonymous");
    return new MessageFormat(pattern, language.locale()).format(new Object[] {incidentId});
  }
}
