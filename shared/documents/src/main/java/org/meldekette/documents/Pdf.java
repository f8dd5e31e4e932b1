package org.meldekette.documents;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * HTML documents (well-formed XHTML, as Meldekette's templates write them) rendered to PDF by
 * openhtmltopdf on Apache PDFBox. DejaVu Sans is embedded, so umlauts, dashes and arrows print the
 * same on every reader and no font of the machine is needed. Nothing is fetched over the network: a
 * document refers to nothing outside itself.
 */
public final class Pdf {
  private static final String FONTS = "/org/meldekette/fonts/";

  /** Held, so the level set on it is not lost when the logger is collected. */
  private static final java.util.logging.Logger QUIET =
      java.util.logging.Logger.getLogger("org.apache.pdfbox");

  static {
    // The renderer's own logging would write a line per font and page to the function's log.
    com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    // PDFBox notes each font it substitutes (the list bullets' ZapfDingbats) as a warning.
    QUIET.setLevel(java.util.logging.Level.SEVERE);
  }

  private Pdf() {}

  public static byte[] fromHtml(String xhtml) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.useFont(
        () -> font("DejaVuSans.ttf"),
        "DejaVu Sans",
        400,
        PdfRendererBuilder.FontStyle.NORMAL,
        true);
    builder.useFont(
        () -> font("DejaVuSans-Bold.ttf"),
        "DejaVu Sans",
        700,
        PdfRendererBuilder.FontStyle.NORMAL,
        true);
    // Only the document itself: no external stylesheet, image or font is ever loaded.
    builder.useUriResolver((base, uri) -> null);
    builder.withHtmlContent(xhtml, null);
    builder.toStream(out);
    try {
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the PDF", e);
    }
    return out.toByteArray();
  }

  private static InputStream font(String name) {
    InputStream in = Pdf.class.getResourceAsStream(FONTS + name);
    if (in == null) {
      throw new IllegalStateException("font " + name + " is not on the class path");
    }
    return in;
  }
}
