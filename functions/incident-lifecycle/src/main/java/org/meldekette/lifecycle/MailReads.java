package org.meldekette.lifecycle;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.meldekette.domain.Conflict;
import org.meldekette.domain.Incident;
import org.meldekette.domain.NotFound;
import org.meldekette.domain.ReporterMessage;
import org.meldekette.domain.Role;
import org.meldekette.domain.mail.MailEvents;
import org.meldekette.domain.mail.MailThreadEntry;
import org.meldekette.http.StaffCall;
import org.meldekette.store.IncidentQueries;
import org.meldekette.store.MailStore;

/**
 * The incident's mail as staff see it: the thread both ways with the sender's authenticity and the
 * attachments' hashes, the raw message to download (an audited read), confirming an unverified
 * follow-up as the reporter's message; and the mail kept unfiled. Addresses are personal data:
 * need-to-know, as the reporter's contact.
 */
final class MailReads {
  private static final Pattern KEY = Pattern.compile("[0-9a-z-]{8,80}");

  private final MailStore mail;
  private final IncidentQueries queries;

  MailReads(MailStore mail, IncidentQueries queries) {
    this.mail = mail;
    this.queries = queries;
  }

  /** {@code GET /incidents/{id}/mail}. */
  void thread(StaffCall call, Map<String, String> params) throws IOException {
    call.require(StaffCall.STAFF);
    Incident incident = queries.get(call.incidentId(params));
    call.requireNeedToKnow(incident, "the incident's mail and its senders");
    call.reply()
        .json(
            200, Map.of("mail", mail.thread(incident.id()).stream().map(MailReads::view).toList()));
  }

  /**
   * {@code GET /incidents/{id}/mail/{key}/raw}: the message as received, each read on the record.
   */
  void raw(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(StaffCall.STAFF);
    Incident incident = queries.get(call.incidentId(params));
    call.requireNeedToKnow(incident, "raw mail");
    String key = key(params);
    byte[] raw =
        mail.readRaw(
                incident.id(),
                key,
                MailEvents.rawRead(incident.id(), key, call.actor(role), call.now()))
            .orElseThrow(() -> new NotFound("no raw message of mail " + key));
    call.reply().bytes(200, "message/rfc822", raw, key + ".eml");
  }

  /**
   * {@code POST /incidents/{id}/mail/{key}/confirm}: a follow-up matched by its subject tag alone
   * is the reporter's after all; its text becomes their message.
   */
  void confirm(StaffCall call, Map<String, String> params) throws IOException {
    call.require(Role.RESPONDER, Role.SECOND_LINE, Role.LEGAL, Role.DPO);
    Incident incident = queries.get(call.incidentId(params));
    call.requireNeedToKnow(incident, "the incident's mail");
    String key = key(params);
    call.body(Set.of());
    MailThreadEntry entry =
        mail.threadEntry(incident.id(), key).orElseThrow(() -> new NotFound("no mail " + key));
    if (!"PENDING".equals(entry.status())) {
      throw new Conflict("NOT_UNVERIFIED", "mail " + key + " is no unverified follow-up waiting");
    }
    String text = entry.text() == null ? "(no readable text; see the raw message)" : entry.text();
    mail.confirm(
        incident.id(),
        entry,
        ReporterMessage.fromReporter(
            "RPM-" + key.substring(0, 10).toUpperCase(java.util.Locale.ROOT), text, call.now()));
    call.reply().json(200, view(mail.threadEntry(incident.id(), key).orElseThrow()));
  }

  /** {@code GET /mail/unfiled}: mail on no incident (a machine's, over a limit, unreadable). */
  void unfiled(StaffCall call, Map<String, String> params) throws IOException {
    call.require(Role.RESPONDER, Role.SECOND_LINE, Role.LEGAL, Role.DPO);
    call.reply()
        .json(200, Map.of("mail", mail.unfiled(100).stream().map(MailReads::view).toList()));
  }

  private static String key(Map<String, String> params) {
    String key = params.get("key");
    if (key == null || !KEY.matcher(key).matches()) {
      throw new NotFound("no mail " + key);
    }
    return key;
  }

  static Map<String, Object> view(MailThreadEntry e) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("key", e.key());
    view.put("direction", e.direction());
    view.put("kind", e.kind());
    view.put("at", e.at());
    view.put("subject", e.subject());
    view.put("address", e.fromAddress());
    if (e.verdict() != null) {
      view.put(
          "sender",
          Map.of(
              "spf", e.verdict().spf(),
              "dkim", e.verdict().dkim(),
              "dmarc", e.verdict().dmarc(),
              "authentic", e.verdict().authentic()));
    }
    view.put("messageId", e.messageId());
    view.put("rawSha256", e.rawSha256());
    view.put("rawSize", e.rawSize());
    view.put(
        "attachments",
        e.attachments().stream()
            .map(
                a ->
                    Map.<String, Object>of(
                        "name",
                        a.name(),
                        "contentType",
                        a.contentType(),
                        "size",
                        a.size(),
                        "sha256",
                        a.sha256()))
            .toList());
    view.put("flags", e.flags());
    view.put("status", e.status());
    return view;
  }
}
