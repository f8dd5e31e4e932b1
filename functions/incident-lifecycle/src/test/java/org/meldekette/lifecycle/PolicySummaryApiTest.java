package org.meldekette.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meldekette.testing.Poppler;

/** The policy summary over HTTP, as HTML and as a PDF that poppler reads and renders. */
class PolicySummaryApiTest extends ServedLifecycle {
  @TempDir Path dir;

  @Test
  void theSummaryIsServedAsHtmlAndAsAPdfWithTheSameSections() throws Exception {
    HttpResponse<String> html = call("GET", "/policy-summary?lang=en", RESPONDER, null, null);
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(html.body())
        .contains(
            "Beispiel GmbH",
            "Phases and their exit criteria",
            "Art. 33: notify the supervisory authority",
            "ENISA-2013/1",
            "6 years");

    HttpResponse<byte[]> pdf = callBytes("/policy-summary?lang=de&format=pdf", DPO);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
    Path file = dir.resolve("policy.pdf");
    Files.write(file, pdf.body());
    String text = Poppler.words(file);
    assertThat(text)
        .contains(
            "Phasen und ihre Abschlusskriterien",
            "Rechtliche Bewertung",
            "Fristen",
            "72 Stunden nach Kenntnisnahme der Verletzung",
            "Risiko für die betroffenen Personen",
            "6 Jahre");
    assertThat(Poppler.pages(file, dir)).isGreaterThanOrEqualTo(2);
  }

  @Test
  void anUnknownLanguageOrFormatIsRefused() {
    assertThat(refused(call("GET", "/policy-summary?lang=fr", RESPONDER, null, null), 400))
        .isEqualTo("UNSUPPORTED_LANGUAGE");
    assertThat(refused(call("GET", "/policy-summary?format=docx", RESPONDER, null, null), 400))
        .isEqualTo("INVALID_VALUE");
  }
}
