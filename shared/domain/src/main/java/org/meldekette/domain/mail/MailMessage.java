package org.meldekette.domain.mail;

import java.time.Instant;
import java.util.List;

/**
 * A mail as parsed from its raw bytes: what Meldekette files, threads and judges. Headers are kept
 * only where a rule looks at them; the raw message is kept apart, byte for byte.
 *
 * @param messageId the Message-ID without angle brackets, or null when it has none
 * @param recipients every address in To, Cc and Delivered-To: a reply token may be in any of them
 * @param text the readable body (text/plain, or HTML turned into plain text), possibly cut at the
 *     cap
 * @param autoSubmitted the Auto-Submitted header (RFC 3834), null when absent
 * @param returnPath the Return-Path (empty for a bounce: {@code <>}), null when absent
 * @param report whether the top-level type is multipart/report (delivery status notifications)
 * @param authenticationResults every Authentication-Results header, topmost first
 * @param problems what the parser had to give up on (nesting too deep, malformed header), in words
 */
public record MailMessage(
    String messageId,
    List<String> inReplyTo,
    String fromAddress,
    String fromName,
    List<String> recipients,
    String subject,
    String text,
    Instant date,
    String contentLanguage,
    List<MailAttachment> attachments,
    String autoSubmitted,
    String precedence,
    boolean autoResponseSuppress,
    boolean autoreplyHeader,
    boolean listId,
    String returnPath,
    boolean report,
    List<String> authenticationResults,
    List<String> problems) {

  public MailMessage {
    inReplyTo = List.copyOf(inReplyTo);
    recipients = List.copyOf(recipients);
    attachments = List.copyOf(attachments);
    authenticationResults = List.copyOf(authenticationResults);
    problems = List.copyOf(problems);
  }
}
