package org.meldekette.store;

import com.google.cloud.firestore.DocumentSnapshot;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.mail.MailAttachment;
import org.meldekette.domain.mail.MailThreadEntry;
import org.meldekette.domain.mail.SenderVerdict;

/** Maps one mail of an incident's thread. */
final class MailThreadDocuments {
  private MailThreadDocuments() {}

  static Map<String, Object> fields(MailThreadEntry e) {
    return Doc.fields()
        .put("key", e.key())
        .put("direction", e.direction())
        .put("kind", e.kind())
        .put("at", e.at())
        .put("subject", e.subject())
        .put("fromAddress", e.fromAddress())
        .put(
            "verdict",
            e.verdict() == null
                ? null
                : Doc.fields()
                    .put("spf", e.verdict().spf())
                    .put("dkim", e.verdict().dkim())
                    .put("dmarc", e.verdict().dmarc()))
        .put("messageId", e.messageId())
        .put("rawSha256", e.rawSha256())
        .put("rawSize", e.rawSize())
        .put(
            "attachments",
            e.attachments().stream()
                .map(
                    a ->
                        Doc.fields()
                            .put("name", a.name())
                            .put("contentType", a.contentType())
                            .put("size", a.size())
                            .put("sha256", a.sha256())
                            .map())
                .toList())
        .put("flags", e.flags())
        .put("status", e.status())
        .put("text", e.text())
        .map();
  }

  static MailThreadEntry read(DocumentSnapshot snapshot) {
    return read(Doc.of(snapshot.getData()));
  }

  @SuppressWarnings("unchecked")
  static MailThreadEntry read(Doc d) {
    Doc v = d.doc("verdict");
    List<MailAttachment> attachments =
        (d.raw("attachments") == null ? List.<Object>of() : (List<Object>) d.raw("attachments"))
            .stream()
                .map(o -> Doc.of((Map<String, Object>) o))
                .map(
                    a ->
                        new MailAttachment(
                            a.string("name"),
                            a.string("contentType"),
                            a.longValue("size") == null ? 0 : a.longValue("size"),
                            a.string("sha256")))
                .toList();
    return new MailThreadEntry(
        d.string("key"),
        d.enumValue("direction", MailThreadEntry.Direction.class),
        d.string("kind"),
        d.instant("at"),
        d.string("subject"),
        d.string("fromAddress"),
        d.has("verdict")
            ? new SenderVerdict(v.string("spf"), v.string("dkim"), v.string("dmarc"))
            : null,
        d.string("messageId"),
        d.string("rawSha256"),
        d.longValue("rawSize") == null ? 0 : d.longValue("rawSize"),
        attachments,
        d.strings("flags"),
        d.string("status"),
        d.string("text"));
  }
}
