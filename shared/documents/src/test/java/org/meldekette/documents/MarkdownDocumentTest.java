package org.meldekette.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meldekette.testing.Poppler;

/** A document as its readers get it: rendered, safe whatever people typed, as text and as PDF. */
class MarkdownDocumentTest {
  @TempDir Path dir;

  private static final String DRAFT =
      """
      # Meldung an die Aufsichtsbehörde

      ## 1. Art der Verletzung

      Ein <script>alert(1)</script> Angreifer [hier](javascript:alert(2)) ![Bild](https://tracker.example/p.png)

      - Bekannt seit: 4. Dezember 2026, 02:14 MEZ
      - Kategorien betroffener Personen: ⚠ FEHLT

      | Phase | Dauer |
      |---|---|
      | Eindämmung | 2 h |
      """;

  @Test
  void whatPeopleTypedIsShownAsTextNeverRunOrFetched() {
    String html = MarkdownDocument.of("de", DRAFT).html();

    assertThat(html)
        .contains("<h1>Meldung an die Aufsichtsbehörde</h1>", "<h2>1. Art der Verletzung</h2>");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script");
    assertThat(html).doesNotContain("javascript:").doesNotContain("<img").doesNotContain("tracker");
    assertThat(html).contains("Bild");
    assertThat(html).contains("<mark>Kategorien betroffener Personen: ⚠ FEHLT</mark>");
    assertThat(html).contains("<table>", "<td>Eindämmung</td>");
  }

  @Test
  void thePlainTextHasNoMarkdownMarks() {
    String text = MarkdownDocument.of("de", DRAFT).plainText();

    assertThat(text).startsWith("Meldung an die Aufsichtsbehörde");
    assertThat(text).contains("1. Art der Verletzung", "Bekannt seit: 4. Dezember 2026, 02:14 MEZ");
    assertThat(text).doesNotContain("# ", "|---", "](");
    assertThat(text).contains("Eindämmung");
  }

  @Test
  void itsTitleIsItsFirstHeading() {
    assertThat(MarkdownDocument.of("de", DRAFT).title())
        .isEqualTo("Meldung an die Aufsichtsbehörde");
    assertThat(MarkdownDocument.of("de", "# A <b> & c\n\ntext").page())
        .contains("<title>A &lt;b&gt; &amp; c</title>", "lang=\"de\"");
  }

  @Test
  void thePdfHasTheSectionsAndRenders() throws Exception {
    Path file = dir.resolve("draft.pdf");
    Files.write(file, MarkdownDocument.of("de", DRAFT).pdf());

    assertThat(Poppler.text(file))
        .contains(
            "Meldung an die Aufsichtsbehörde",
            "1. Art der Verletzung",
            "Bekannt seit: 4. Dezember 2026, 02:14 MEZ",
            "⚠ FEHLT",
            "Eindämmung");
    assertThat(Poppler.pages(file, dir)).isEqualTo(1);
  }
}
