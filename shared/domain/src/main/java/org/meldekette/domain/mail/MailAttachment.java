package org.meldekette.domain.mail;

/**
 * An attachment as received: listed, hashed, never unpacked or run. The name is the sender's words
 * (shown as text, never used as a path).
 */
public record MailAttachment(String name, String contentType, long size, String sha256) {}
