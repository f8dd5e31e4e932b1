package org.meldekette.documents;

import java.util.List;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * A document Meldekette writes in Markdown (drafts, notices, the final report), as people read it:
 * HTML for the console, a printable page and its PDF, and plain text to paste into an authority's
 * form or a mail. Its values come from people (an incident's description, a measure): any HTML in
 * them is shown as text, links keep only safe schemes, and images are reduced to their description,
 * so nothing in a document can run or fetch anything in a reader's browser.
 */
public final class MarkdownDocument {
  /** Marks what a document still lacks, so nobody sends a gap. */
  public static final String GAP = "⚠";

  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final HtmlRenderer HTML =
      HtmlRenderer.builder()
          .extensions(EXTENSIONS)
          .escapeHtml(true)
          .sanitizeUrls(true)
          .nodeRendererFactory(GapsMarked::new)
          .nodeRendererFactory(ImagesAsText::new)
          .build();
  private static final TextContentRenderer TEXT =
      TextContentRenderer.builder().extensions(EXTENSIONS).build();

  private final String language;
  private final String markdown;

  private MarkdownDocument(String language, String markdown) {
    this.language = language;
    this.markdown = markdown;
  }

  /** A document in {@code language} ({@code de}, {@code en}); its first line is its title. */
  public static MarkdownDocument of(String language, String markdown) {
    return new MarkdownDocument(language, markdown);
  }

  /** The first heading, without its marks. */
  public String title() {
    String first = markdown.strip().lines().findFirst().orElse("");
    return first.replaceFirst("^#+\\s*", "").strip();
  }

  public String markdown() {
    return markdown;
  }

  /** The body as an XHTML fragment, every gap in a {@code <mark>}. */
  public String html() {
    return HTML.render(PARSER.parse(markdown));
  }

  /** Plain text: headings, lists and tables without Markdown's marks. */
  public String plainText() {
    return TEXT.render(PARSER.parse(markdown)).strip() + "\n";
  }

  /** A whole XHTML page, styled for the screen and for print; what the PDF is rendered from. */
  public String page() {
    return """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="%s">
        <head><meta charset="utf-8" /><title>%s</title><style>%s</style></head>
        <body>
        %s</body>
        </html>
        """
        .formatted(language, escape(title()), STYLE, html());
  }

  public byte[] pdf() {
    return Pdf.fromHtml(page());
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static final String STYLE =
      """
      @page { size: A4; margin: 2cm 2cm 2.2cm 2cm;
        @bottom-right { content: counter(page) " / " counter(pages); font-family: 'DejaVu Sans'; font-size: 8pt; } }
      body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; line-height: 1.4; color: #111; }
      h1 { font-size: 16pt; margin: 0 0 0.8em; } h2 { font-size: 12.5pt; margin: 1.4em 0 0.4em; page-break-after: avoid; }
      h3 { font-size: 11pt; margin: 1.2em 0 0.3em; page-break-after: avoid; }
      table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; }
      th, td { border: 1px solid #999; padding: 3px 5px; text-align: left; vertical-align: top; font-size: 8.5pt; }
      tr { page-break-inside: avoid; } thead { display: table-header-group; }
      mark { background: #fff1a8; color: #5c3b00; font-weight: bold; }
      code { font-size: 8.5pt; word-wrap: break-word; }
      """;

  /** A text with a gap ({@value #GAP}) is marked. */
  private static final class GapsMarked implements NodeRenderer {
    private final HtmlWriter html;

    GapsMarked(HtmlNodeRendererContext context) {
      this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(Text.class);
    }

    @Override
    public void render(Node node) {
      String literal = ((Text) node).getLiteral();
      if (literal.contains(GAP)) {
        html.tag("mark");
        html.text(literal);
        html.tag("/mark");
      } else {
        html.text(literal);
      }
    }
  }

  /** An image would be fetched by the reader's browser: only its description is shown. */
  private static final class ImagesAsText implements NodeRenderer {
    private final HtmlNodeRendererContext context;

    ImagesAsText(HtmlNodeRendererContext context) {
      this.context = context;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(Image.class);
    }

    @Override
    public void render(Node node) {
      for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
        context.render(child);
      }
    }
  }
}
