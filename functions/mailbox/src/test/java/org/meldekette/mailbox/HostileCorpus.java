package org.meldekette.mailbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Malformed and hostile mail, generated from a seed: broken and missing headers, header injection,
 * 1,000 recipients, parts nested 100 deep, broken boundaries and encodings, unknown charsets, NUL
 * bytes and binary junk, scripts in HTML, archives, huge lines, empty messages.
 */
final class HostileCorpus {
  private HostileCorpus() {}

  static byte[] message(Random random, int index) {
    StringBuilder m = new StringBuilder();
    int kind = index % 16;
    String id = "<hostile-" + index + "-" + random.nextInt(1_000_000) + "@corpus.example>";
    switch (kind) {
      case 0 -> {} // empty: 400
      case 1 -> m.append("Subject: no sender at all\r\n\r\nbody");
      case 2 ->
          m.append("From: <<<>>>@@@\r\nTo: ;;;,,,\r\nSubject: bad addresses\r\nMessage-ID: ")
              .append(id)
              .append("\r\n\r\nx");
      case 3 -> {
        m.append("From: a@example.org\r\nMessage-ID: ").append(id).append("\r\nTo: ");
        for (int i = 0; i < 1000; i++) {
          m.append(i == 0 ? "" : ", ").append("r").append(i).append("@example.org");
        }
        m.append("\r\nSubject: many recipients\r\n\r\nbody");
      }
      case 4 -> {
        m.append("From: a@example.org\r\nMessage-ID: ")
            .append(id)
            .append("\r\nMIME-Version: 1.0\r\n");
        int depth = 20 + random.nextInt(81);
        for (int i = 0; i < depth; i++) {
          m.append("Content-Type: multipart/mixed; boundary=\"d")
              .append(i)
              .append("\"\r\n\r\n--d")
              .append(i)
              .append("\r\n");
        }
        m.append("Content-Type: text/plain\r\n\r\ndeep\r\n");
      }
      case 5 ->
          m.append("From: a@example.org\r\nMessage-ID: ")
              .append(id)
              .append(
                  "\r\nContent-Type: multipart/mixed; boundary=\"nowhere\"\r\n\r\nno boundary ever comes");
      case 6 ->
          m.append("From: a@example.org\r\nMessage-ID: ")
              .append(id)
              .append(
                  "\r\nContent-Type: text/plain; charset=x-made-up\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64###");
      case 7 ->
          m.append("From: a@example.org\r\nMessage-ID: ")
              .append(id)
              .append(
                  "\r\nSubject: =?UTF-8?B?broken?= =?X-NONE?Q?=ZZ?= =?UTF-8?Q?=E2=82?=\r\n\r\nx");
      case 8 ->
          m.append("From: a@example.org\r\nMessage-ID: ")
              .append(id)
              .append(
                  "\r\nSubject: injected\r\n Bcc: victim@example.org\r\nContent-Type: text/html\r\n\r\n<script>alert(1)</script><iframe src=javascript:alert(1)>");
      case 9 ->
          m.append("From: a@example.org\r\nMessage-ID: ")
              .append(id)
              .append(
                  "\r\nContent-Type: application/zip; name=\"x.zip\"\r\nContent-Transfer-Encoding: base64\r\n\r\nUEsDBAoAAAAAAAAAIQAAAAAAAAAAAAAAAAAAAAAA");
      case 10 -> {
        m.append("From: a@example.org\r\nMessage-ID: ").append(id).append("\r\nSubject: ");
        m.append("x".repeat(50_000 + random.nextInt(50_000)));
        m.append("\r\n\r\n").append("y".repeat(200_000));
      }
      case 11 -> {
        ByteArrayOutputStream junk = new ByteArrayOutputStream();
        byte[] bytes = new byte[1 + random.nextInt(4096)];
        random.nextBytes(bytes);
        junk.writeBytes(bytes);
        return junk.toByteArray();
      }
      case 12 ->
          m.append("From: a@example.org\u0000\r\nMessage-ID: ")
              .append(id)
              .append("\r\nSubject: nul\u0000bytes\r\n\r\nbody\u0000with\u0000nuls");
      case 13 ->
          m.append("From: reporter@example.org\r\nMessage-ID: ")
              .append(id)
              .append(
                  "\r\nSubject: Re: [INC-20991231-ZZZZZZ] a tag naming no incident\r\n\r\nhello");
      case 14 ->
          m.append("From: bounce@example.org\r\nReturn-Path: <>\r\nMessage-ID: ")
              .append(id)
              .append(
                  "\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"r\"\r\n\r\n--r\r\n\r\nfailed\r\n--r--");
      default ->
          m.append("From: a@example.org\r\nMessage-ID: ")
              .append(id)
              .append("\r\nSubject: headers only, never a blank line");
    }
    return m.toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}
