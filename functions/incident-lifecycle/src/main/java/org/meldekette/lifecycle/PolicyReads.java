package org.meldekette.lifecycle;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.meldekette.documents.Pdf;
import org.meldekette.domain.assurance.PolicySummary;
import org.meldekette.domain.deadline.Regimes;
import org.meldekette.http.StaffCall;

/**
 * {@code GET /policy-summary?lang=de|en&format=html|pdf}: the incident-response policy as
 * Meldekette enforces it, for customers' security reviews and audits, generated from the rules and
 * the regimes in use.
 */
final class PolicyReads {
  private final PolicySummary summary;
  private final Regimes regimes;
  private final Function<Instant, PolicySummary.Settings> settings;

  PolicyReads(
      PolicySummary summary, Regimes regimes, Function<Instant, PolicySummary.Settings> settings) {
    this.summary = summary;
    this.regimes = regimes;
    this.settings = settings;
  }

  void policySummary(StaffCall call, Map<String, String> params) throws IOException {
    call.require(StaffCall.STAFF);
    String lang = call.language();
    String format = call.format("html", "pdf");
    String html = summary.html(regimes, settings.apply(call.now()), lang);
    if (format.equals("pdf")) {
      call.reply()
          .bytes(
              200,
              "application/pdf",
              Pdf.fromHtml(html),
              "incident-response-policy-" + lang + ".pdf");
      return;
    }
    call.reply().text(200, "text/html; charset=utf-8", html);
  }
}
