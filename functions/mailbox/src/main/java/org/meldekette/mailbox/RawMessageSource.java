package org.meldekette.mailbox;

import java.util.List;

/**
 * Where raw mail comes from: the security mailbox over IMAP, or an inbound-mail webhook that posts
 * the raw MIME message. A message is marked on its source only after it is safely stored and filed.
 */
interface RawMessageSource extends AutoCloseable {
  /** A message as the source holds it: its raw bytes, and the key the source knows it by. */
  record RawMessage(String sourceKey, long uid, byte[] bytes) {}

  /** The messages not yet taken, oldest first, at most {@code max}. */
  List<RawMessage> untaken(int max) throws Exception;

  /**
   * The message is stored and filed: mark it so on the source; the next untaken starts after it.
   */
  void taken(RawMessage message) throws Exception;

  @Override
  void close() throws Exception;
}
