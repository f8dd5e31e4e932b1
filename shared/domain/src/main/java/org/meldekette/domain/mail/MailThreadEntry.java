package org.meldekette.domain.mail;

import java.time.Instant;
import java.util.List;

/**
 * One mail of an incident's thread, in either direction, as staff see it: what it was, whether its
 * sender was authenticated, its attachments with their hashes, and the raw message's hash (the raw
 * bytes themselves are downloaded apart, an audited read).
 *
 * @param key the mail's key (also of its raw message record and its place in the outbox)
 * @param kind {@code REPORT}, {@code REPLY}, {@code UNVERIFIED_FOLLOW_UP}, {@code AUTO_REPLY},
 *     {@code BOUNCE}, {@code MAILING_LIST}, {@code ACKNOWLEDGEMENT}, {@code STAFF_MESSAGE}
 * @param fromAddress the sender (inbound) or recipient (outbound): personal data, need-to-know
 * @param status for an unverified follow-up {@code PENDING} or {@code CONFIRMED}; else null
 * @param text an unverified follow-up's readable text, kept to be confirmed as the reporter's
 *     message; else null (the raw message has it)
 * @param flags what staff should know: {@code SENDER_MAY_BE_FORGED}, {@code OVERSIZED}, {@code
 *     PARSE_PROBLEM}, {@code NOT_ANSWERED}
 */
public record MailThreadEntry(
    String key,
    Direction direction,
    String kind,
    Instant at,
    String subject,
    String fromAddress,
    SenderVerdict verdict,
    String messageId,
    String rawSha256,
    long rawSize,
    List<MailAttachment> attachments,
    List<String> flags,
    String status,
    String text) {
  public enum Direction {
    IN,
    OUT
  }

  public MailThreadEntry {
    attachments = List.copyOf(attachments);
    flags = List.copyOf(flags);
  }
}
