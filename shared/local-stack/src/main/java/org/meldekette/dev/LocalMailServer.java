package org.meldekette.dev;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * {@code ./run-local.sh}'s mail server, a real SMTP and IMAP server (GreenMail): mail sent over
 * SMTP lands in its recipient's mailbox, the security mailbox among them, which the mailbox
 * function reads over IMAP like a real one; every mailbox opens with its address as login and
 * password. Args: SMTP port, IMAP port, the security mailbox's address.
 */
public final class LocalMailServer {
  private LocalMailServer() {}

  public static void main(String[] args) {
    int smtp = Integer.parseInt(args[0]);
    int imap = Integer.parseInt(args[1]);
    String mailbox = args[2];
    GreenMail mail =
        new GreenMail(
            new ServerSetup[] {
              new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
              new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
            });
    // Locally any login works and makes the mailbox: a reporter's address is its own password.
    mail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    mail.start();
    mail.setUser(mailbox, mailbox, mailbox);
    Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
    System.out.println(
        "Local mail server: SMTP on 127.0.0.1:"
            + smtp
            + ", IMAP on 127.0.0.1:"
            + imap
            + "; the security mailbox is "
            + mailbox);
  }
}
