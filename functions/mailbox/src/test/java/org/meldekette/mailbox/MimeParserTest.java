package org.meldekette.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.meldekette.domain.mail.MailMessage;

/** Charsets, encodings, HTML, attachments and hostile structure, as real mail brings them. */
class MimeParserTest {
  private static MailMessage parse(String raw) {
    return MimeParser.parse(raw.getBytes(StandardCharsets.ISO_8859_1), false);
  }

  @Test
  void encodedWordsAndCharsetsAreDecoded() {
    MailMessage utf8 =
        parse(
            "From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <jm@example.org>\r\n"
                + "Subject: =?UTF-8?B?w5xiZXJwcsO8ZnVuZyBkZXIgU2ljaGVyaGVpdA==?=\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getEncoder()
                    .encodeToString("Grüße aus Köln".getBytes(StandardCharsets.UTF_8)));
    assertThat(utf8.fromName()).isEqualTo("Jürgen Müller");
    assertThat(utf8.subject()).isEqualTo("Überprüfung der Sicherheit");
    assertThat(utf8.text()).isEqualTo("Grüße aus Köln");

    MailMessage latin1 =
        parse(
            "From: a@example.org\r\nSubject: =?ISO-8859-1?Q?Stra=DFe?=\r\n"
                + "Content-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + "Stra=DFe und M=FCnze\r\n");
    assertThat(latin1.subject()).isEqualTo("Straße");
    assertThat(latin1.text()).contains("Straße und Münze");

    byte[] cp1252 = "Preis: 5 \u20ac \u201eAngebot\u201c".getBytes(Charset.forName("windows-1252"));
    String raw =
        "From: a@example.org\r\nSubject: x\r\nContent-Type: text/plain; charset=windows-1252\r\n\r\n"
            + new String(cp1252, StandardCharsets.ISO_8859_1);
    assertThat(parse(raw).text()).contains("5 €").contains("„Angebot“");
    assertThat(
            parse(
                    "From: a@example.org\r\nContent-Type: text/plain; charset=x-unknown-9\r\n\r\nplain")
                .text())
        .as("an unknown charset is read, not refused")
        .isEqualTo("plain");
  }

  @Test
  void htmlBecomesPlainTextAndScriptsGoWithTheirContent() {
    MailMessage mail =
        parse(
            "From: a@example.org\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                + "<html><head><script>alert('x')</script><style>p{}</style></head><body><p>Hello &amp;"
                + " welcome</p><p>Line&nbsp;two<br>three</p><img src=x onerror=alert(1)></body></html>");
    assertThat(mail.text()).isEqualTo("Hello & welcome\n\nLine two\nthree");
  }

  @Test
  void attachmentsAreListedWithTheirHashNeverOpened() {
    String zip =
        Base64.getEncoder()
            .encodeToString(
                "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1));
    String html = "<script>fetch('https://evil.example')</script>";
    MailMessage mail =
        parse(
            "From: a@example.org\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n"
                + "--b1\r\nContent-Type: application/zip; name=\"logs.zip\"\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"logs.zip\"\r\n\r\n"
                + zip
                + "\r\n"
                + "--b1\r\nContent-Type: text/html; name=\"../../etc/passwd.html\"\r\n"
                + "Content-Disposition: attachment; filename=\"../../etc/passwd.html\"\r\n\r\n"
                + html
                + "\r\n"
                + "--b1--\r\n");
    assertThat(mail.text()).isEqualTo("See attached.");
    assertThat(mail.attachments()).hasSize(2);
    assertThat(mail.attachments().get(0).name()).isEqualTo("logs.zip");
    assertThat(mail.attachments().get(0).sha256())
        .isEqualTo(
            MimeParser.sha256(
                "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1)));
    assertThat(mail.attachments().get(1).name())
        .as("a name, never a path")
        .isEqualTo("../../etc/passwd.html");
    assertThat(mail.attachments().get(1).contentType()).isEqualTo("text/html");
  }

  @Test
  void hostileStructureIsBoundedAndNamed() {
    StringBuilder nested = new StringBuilder("From: a@example.org\r\nMIME-Version: 1.0\r\n");
    for (int i = 0; i < 100; i++) {
      nested
          .append("Content-Type: multipart/mixed; boundary=\"n")
          .append(i)
          .append("\"\r\n\r\n--n")
          .append(i)
          .append("\r\n");
    }
    nested.append("Content-Type: text/plain\r\n\r\ndeep\r\n");
    MailMessage deep = parse(nested.toString());
    assertThat(deep.problems()).anySatisfy(p -> assertThat(p).contains("nested deeper than 20"));

    MailMessage empty = MimeParser.parse(new byte[0], false);
    assertThat(empty.fromAddress()).isNull();
    assertThat(empty.text()).isEmpty();

    StringBuilder many = new StringBuilder("From: a@example.org\r\nTo: ");
    for (int i = 0; i < 1000; i++) {
      many.append(i == 0 ? "" : ", ").append("r").append(i).append("@example.org");
    }
    many.append("\r\nSubject: x\r\n\r\nbody\r\n");
    assertThat(parse(many.toString()).recipients()).hasSize(1000);

    MailMessage headersOnly =
        MimeParser.parse(
            "From: a@example.org\r\nSubject: big\r\n\r\nbody".getBytes(StandardCharsets.US_ASCII),
            true);
    assertThat(headersOnly.subject()).isEqualTo("big");
    assertThat(headersOnly.text()).isEmpty();
    assertThat(headersOnly.problems()).anySatisfy(p -> assertThat(p).contains("over the size cap"));
  }
}
