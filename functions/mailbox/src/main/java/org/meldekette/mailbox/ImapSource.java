package org.meldekette.mailbox;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.meldekette.store.MailStore;

/**
 * The security mailbox over IMAP (Google Workspace, Microsoft 365 with OAuth2 XOAUTH2, or any
 * server with a password). What was taken is remembered by UIDVALIDITY and UID: messages after the
 * last UID taken in order are read, each marked \Seen and {@code $MeldeketteFiled} only once filed,
 * and the cursor moves only past messages filed without a gap — so a crash or a second poller never
 * skips one (filing is keyed by the mail, so taking one twice files it once).
 */
final class ImapSource implements RawMessageSource {
  static final String FILED = "$MeldeketteFiled";

  private final MailStore mail;
  private final String mailbox;
  private final Store store;
  private final Folder inbox;
  private final long uidValidity;
  private long cursor;

  private final java.time.Clock clock;

  ImapSource(MailSettings.Server server, MailStore mail, String mailbox, java.time.Clock clock)
      throws Exception {
    this.clock = clock;
    this.mail = mail;
    this.mailbox = mailbox;
    String protocol = server.security().equals("ssl") ? "imaps" : "imap";
    Session session = Session.getInstance(server.properties(protocol));
    this.store = session.getStore(protocol);
    String secret =
        server.auth().equals("xoauth2")
            ? XOAuth2.token(server.credential(), server.user())
            : server.credential();
    store.connect(server.host(), server.port(), server.user(), secret);
    this.inbox = store.getFolder("INBOX");
    inbox.open(Folder.READ_WRITE);
    this.uidValidity = ((UIDFolder) inbox).getUIDValidity();
    this.cursor = mail.cursor(mailbox, uidValidity);
  }

  @Override
  public List<RawMessage> untaken(int max) throws Exception {
    UIDFolder uids = (UIDFolder) inbox;
    Message[] messages = uids.getMessagesByUID(cursor + 1, UIDFolder.MAXUID);
    List<RawMessage> found = new ArrayList<>();
    for (Message message : messages) {
      if (message == null || found.size() >= max) {
        continue;
      }
      long uid = uids.getUID(message);
      if (uid <= cursor) {
        continue; // a server answers n:* with the last message even when n lies beyond it
      }
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      message.writeTo(raw);
      found.add(new RawMessage("imap-" + uidValidity + "-" + uid, uid, raw.toByteArray()));
    }
    return found;
  }

  @Override
  public void taken(RawMessage message) throws Exception {
    Message[] found = ((UIDFolder) inbox).getMessagesByUID(new long[] {message.uid()});
    if (found.length == 1 && found[0] != null) {
      found[0].setFlag(Flags.Flag.SEEN, true);
      if (inbox.getPermanentFlags().contains(Flags.Flag.USER)) {
        found[0].setFlags(new Flags(FILED), true);
      }
    }
    // Called in order, and never past a message that failed: the cursor has no gap behind it.
    if (message.uid() > cursor) {
      cursor = message.uid();
      mail.advance(mailbox, uidValidity, cursor, clock.instant());
    }
  }

  @Override
  public void close() throws Exception {
    try {
      if (inbox.isOpen()) {
        inbox.close(false);
      }
    } finally {
      store.close();
    }
  }
}
