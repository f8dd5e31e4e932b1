package org.meldekette.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meldekette.testing.Poppler;

/** Renders a document and reads it back with poppler, as a reader of the PDF would. */
class PdfTest {
  @TempDir Path dir;

  @Test
  void theTextComesBackWithUmlautsAndThePageRenders() throws Exception {
    byte[] pdf =
        Pdf.fromHtml(
            """
            <!DOCTYPE html>
            <html lang="de"><head><meta charset="utf-8" /><style>
            body { font-family: 'DejaVu Sans'; }</style></head>
            <body><h1>Größe – Prüfung → Schwere ≥ 2</h1><p>Ärger &amp; Übermut</p>
            <img src="https://example.org/tracker.png" alt="" /></body></html>""");
    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    Path file = dir.resolve("doc.pdf");
    Files.write(file, pdf);
    assertThat(Poppler.text(file)).contains("Größe – Prüfung → Schwere ≥ 2", "Ärger & Übermut");
    assertThat(Poppler.pages(file, dir)).isEqualTo(1);
  }
}
