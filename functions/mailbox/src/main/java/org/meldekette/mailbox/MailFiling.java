package org.meldekette.mailbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.meldekette.domain.IncidentIds;
import org.meldekette.domain.ReceiptCode;
import org.meldekette.domain.ReporterMessage;
import org.meldekette.domain.mail.MailKind;
import org.meldekette.domain.mail.MailLanguage;
import org.meldekette.domain.mail.MailMessage;
import org.meldekette.domain.mail.MailReport;
import org.meldekette.domain.mail.MailRoute;
import org.meldekette.domain.mail.MailThreadEntry;
import org.meldekette.domain.mail.SenderVerdict;
import org.meldekette.store.MailOutbox;
import org.meldekette.store.MailStore;
import org.meldekette.store.RateLimits;
import org.meldekette.store.ReportStore;
import org.meldekette.tasks.MailTask;
import org.meldekette.tasks.TaskQueue;

/**
 * One mail, from its raw bytes to where it belongs, in this order: the raw bytes stored first (with
 * their SHA-256, the first evidence of the case), then parsed, then filed — a new report, a reply
 * on its report, an unverified follow-up, a machine's mail on its thread, or kept unfiled with the
 * reason — and only then marked taken. Every step is keyed by the mail, so a crash and a second
 * delivery file it once. Nothing is lost: mail over a limit is kept raw and flagged for staff.
 */
final class MailFiling {
  /** What filing did, for the log line and the tests. */
  enum Result {
    ALREADY_TAKEN,
    DUPLICATE,
    NEW_REPORT,
    REPLY,
    UNVERIFIED_FOLLOW_UP,
    ON_THREAD,
    UNFILED
  }

  private final MailStore mail;
  private final MailOutbox outbox;
  private final ReportStore reports;
  private final RateLimits limits;
  private final MailSettings settings;
  private final IncidentIds ids;
  private final TaskQueue tasks;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  MailFiling(
      MailStore mail,
      MailOutbox outbox,
      ReportStore reports,
      RateLimits limits,
      MailSettings settings,
      TaskQueue tasks,
      Clock clock) {
    this.mail = mail;
    this.outbox = outbox;
    this.reports = reports;
    this.limits = limits;
    this.settings = settings;
    this.ids = new IncidentIds(clock, random);
    this.tasks = tasks;
    this.clock = clock;
  }

  Result file(RawMessageSource.RawMessage raw) throws Exception {
    if (mail.taken(raw.sourceKey())) {
      return Result.ALREADY_TAKEN;
    }
    Instant now = clock.instant();
    String sha = MimeParser.sha256(raw.bytes());
    mail.keepRaw(sha, raw.bytes(), raw.sourceKey(), now);
    boolean oversized = raw.bytes().length > settings.parseMaxBytes();
    MailMessage parsed = MimeParser.parse(raw.bytes(), oversized);
    String key = key(parsed, sha);
    Result result =
        mail.filed(key).isPresent()
            ? Result.DUPLICATE
            : route(parsed, key, sha, raw, oversized, now);
    mail.markTaken(raw.sourceKey(), key, sha, now);
    return result;
  }

  private Result route(
      MailMessage parsed,
      String key,
      String sha,
      RawMessageSource.RawMessage raw,
      boolean oversized,
      Instant now)
      throws Exception {
    MailKind kind = MailKind.of(parsed);
    SenderVerdict verdict = SenderVerdict.of(parsed.authenticationResults(), settings.authservId());
    MailRoute route = MailRoute.of(parsed, kind, settings.keys());
    List<String> flags = new ArrayList<>();
    if (!verdict.authentic()) {
      flags.add("SENDER_MAY_BE_FORGED");
    }
    if (oversized) {
      flags.add("OVERSIZED");
    }
    if (!parsed.problems().isEmpty()) {
      flags.add("PARSE_PROBLEM");
    }
    if (!kind.byPerson()) {
      flags.add("NOT_ANSWERED");
    }
    String kindName =
        switch (route.disposition()) {
          case NEW_REPORT -> "REPORT";
          case REPLY -> "REPLY";
          case UNVERIFIED_FOLLOW_UP -> "UNVERIFIED_FOLLOW_UP";
          default -> kind.name();
        };
    MailThreadEntry entry =
        new MailThreadEntry(
            key,
            MailThreadEntry.Direction.IN,
            kindName,
            now,
            MailReport.title(parsed),
            parsed.fromAddress(),
            verdict,
            parsed.messageId(),
            sha,
            raw.bytes().length,
            parsed.attachments(),
            flags,
            route.disposition() == MailRoute.Disposition.UNVERIFIED_FOLLOW_UP ? "PENDING" : null,
            route.disposition() == MailRoute.Disposition.UNVERIFIED_FOLLOW_UP
                ? MailReport.description(parsed)
                : null);
    return switch (route.disposition()) {
      case NEW_REPORT -> newReport(parsed, route, kind, verdict, entry, now);
      case REPLY -> reply(parsed, route.incidentId(), entry, now);
      case UNVERIFIED_FOLLOW_UP -> {
        mail.record(route.incidentId(), "UNVERIFIED_FOLLOW_UP", entry, now);
        yield Result.UNVERIFIED_FOLLOW_UP;
      }
      case MACHINE_ON_THREAD -> {
        mail.record(route.incidentId(), kind.name(), entry, now);
        yield Result.ON_THREAD;
      }
      case MACHINE_UNFILED -> unfiled(kind.name(), entry, now);
    };
  }

  private Result newReport(
      MailMessage parsed,
      MailRoute route,
      MailKind kind,
      SenderVerdict verdict,
      MailThreadEntry entry,
      Instant now)
      throws Exception {
    if (parsed.fromAddress() == null) {
      return unfiled("NO_SENDER", flagged(entry, "NO_SENDER"), now);
    }
    String sender = parsed.fromAddress().toLowerCase(Locale.ROOT);
    // The same care as the form: each sender's budget of reports; beyond it kept, not opened.
    if (limits.take("mail-report", sender, settings.perSender(), now).isPresent()) {
      return unfiled("OVER_SENDER_LIMIT", flagged(entry, "OVER_SENDER_LIMIT"), now);
    }
    boolean held =
        reports.receivedSince(now.minus(settings.surge().window())) >= settings.surge().limit();
    ReceiptCode code = ReceiptCode.random(random);
    ReportStore.Receipt receipt =
        mail.fileReport(
            MailReport.of(parsed, now),
            held,
            code,
            // Keyed by the mail and the secret: only this mailbox can unseal a receipt code again.
            MimeParser.sha256(MimeParser.utf8(settings.sealingKey() + "|" + entry.key())),
            ids,
            now,
            incidentId -> Map.of("incidentId", incidentId, "receiptCode", code.text()),
            entry);
    String incidentId = (String) receipt.answer().get("incidentId");
    String receiptCode = (String) receipt.answer().get("receiptCode");
    if (route.acknowledged(kind, verdict)
        && receiptCode != null
        && limits.take("mail-ack", sender, List.of(settings.acknowledgements()), now).isEmpty()) {
      String ack = "ack-" + entry.key();
      outbox.queue(
          ack,
          "ACKNOWLEDGEMENT",
          incidentId,
          MailLanguage.of(parsed).name(),
          receiptCode,
          settings.sealingKey(),
          null,
          parsed.messageId() == null ? List.of() : List.of(parsed.messageId()),
          now);
      tasks.create(new MailTask(ack, now));
    }
    return Result.NEW_REPORT;
  }

  private Result reply(MailMessage parsed, String incidentId, MailThreadEntry entry, Instant now) {
    String text = MailReport.description(parsed);
    ReporterMessage message =
        ReporterMessage.fromReporter(
            "RPM-" + entry.key().substring(0, 10).toUpperCase(Locale.ROOT), text, now);
    try {
      mail.fileReply(incidentId, message, entry, now);
      return Result.REPLY;
    } catch (org.meldekette.domain.NotFound gone) {
      return unfiled("NO_INCIDENT", flagged(entry, "NO_INCIDENT"), now);
    }
  }

  private Result unfiled(String why, MailThreadEntry entry, Instant now) {
    mail.record(null, why, entry, now);
    return Result.UNFILED;
  }

  private static MailThreadEntry flagged(MailThreadEntry entry, String flag) {
    List<String> flags = new ArrayList<>(entry.flags());
    flags.add(flag);
    return new MailThreadEntry(
        entry.key(),
        entry.direction(),
        entry.kind(),
        entry.at(),
        entry.subject(),
        entry.fromAddress(),
        entry.verdict(),
        entry.messageId(),
        entry.rawSha256(),
        entry.rawSize(),
        entry.attachments(),
        flags,
        entry.status(),
        entry.text());
  }

  /**
   * The mail's key: of its Message-ID when it has one (the same mail copied or delivered again is
   * the same mail), else of its bytes.
   */
  static String key(MailMessage parsed, String sha) {
    String basis =
        parsed.messageId() == null
            ? "raw:" + sha
            : "message-id:" + parsed.messageId().toLowerCase(Locale.ROOT);
    return MimeParser.sha256(MimeParser.utf8(basis)).substring(0, 32);
  }
}
