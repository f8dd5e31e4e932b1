package org.meldekette.mailbox;

import com.google.cloud.firestore.Firestore;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.meldekette.dev.LocalTaskQueue;
import org.meldekette.testing.ApiContract;
import org.meldekette.testing.FirestoreExtension;
import org.meldekette.testing.FunctionServer;
import org.meldekette.testing.MutableClock;
import org.meldekette.testing.TestHttp;

/**
 * The mailbox served over HTTP on the test class's own emulator database, with a real SMTP and IMAP
 * server (GreenMail, in-process): reporters send by SMTP, the security mailbox is read over IMAP,
 * Meldekette's mail lands in the reporters' mailboxes, read back over IMAP.
 */
@ExtendWith(FirestoreExtension.class)
abstract class ServedMailbox {
  static final String MAILBOX = "security@meldekette.test";
  static final String AUTHSERV = "mx.meldekette.test";
  static final String AUDIENCE = "https://mailbox.meldekette.test";
  static final String TASKS = "tasks@meldekette.test";
  static final String SCHEDULER = "scheduler@meldekette.test";
  static final String INBOUND_SECRET = "inbound-secret-for-tests-0000";
  static final Instant T0 = Instant.parse("2026-12-04T09:00:00Z");
  static final ApiContract CONTRACT = ApiContract.of("mailbox.openapi.yaml");

  static Firestore db;
  static MutableClock clock;
  static GreenMail mail;
  static LocalTaskQueue queue;
  static FunctionServer server;

  @BeforeAll
  static void start(Firestore database) throws Exception {
    db = database;
    clock = new MutableClock(T0);
    int smtp = FunctionServer.freePort();
    int imap = FunctionServer.freePort();
    mail =
        new GreenMail(
            new ServerSetup[] {
              new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
              new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
            });
    mail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    mail.start();
    mail.setUser(MAILBOX, MAILBOX, MAILBOX);
    queue = new LocalTaskQueue(0, TASKS, clock);
    int port = FunctionServer.freePort();
    String url = "http://127.0.0.1:" + port;
    MailboxUnderTest.db = database;
    MailboxUnderTest.clock = clock;
    MailboxUnderTest.env =
        Map.ofEntries(
            Map.entry("OIDC_ISSUER", queue.issuer()),
            Map.entry("OIDC_CERTS_URL", queue.url() + "/certs"),
            Map.entry("OIDC_AUDIENCE", AUDIENCE),
            Map.entry("TASKS_SERVICE_ACCOUNT", TASKS),
            Map.entry("SCHEDULER_SERVICE_ACCOUNT", SCHEDULER),
            Map.entry("TASK_QUEUE", "local"),
            Map.entry("LOCAL_TASK_QUEUE_URL", queue.url()),
            Map.entry("TASKS_TARGET_URL", "http://127.0.0.1:9"),
            Map.entry("MAIL_TASKS_TARGET_URL", url),
            Map.entry("MAIL_TASKS_AUDIENCE", AUDIENCE),
            Map.entry("MAIL_ADDRESS", MAILBOX),
            Map.entry("MAIL_IMAP_HOST", "127.0.0.1"),
            Map.entry("MAIL_IMAP_PORT", String.valueOf(imap)),
            Map.entry("MAIL_IMAP_SECURITY", "none"),
            Map.entry("MAIL_SMTP_HOST", "127.0.0.1"),
            Map.entry("MAIL_SMTP_PORT", String.valueOf(smtp)),
            Map.entry("MAIL_SMTP_SECURITY", "none"),
            Map.entry("MAIL_SMTP_AUTH", "none"),
            Map.entry("MAIL_AUTHSERV_ID", AUTHSERV),
            Map.entry("MAIL_PARSE_MAX_BYTES", String.valueOf(2 * 1024 * 1024)),
            Map.entry("SECRETS", "env"),
            Map.entry("SECRET_MAIL_IMAP_CREDENTIAL", MAILBOX),
            Map.entry("SECRET_MAIL_THREAD_KEY", "thread-key-for-tests-0123456789"),
            Map.entry("SECRET_MAIL_INBOUND_SECRET", INBOUND_SECRET),
            Map.entry("REPORT_CLIENT_LIMITS", "100/PT10M"),
            Map.entry("REPORT_SITE_URL", "https://report.meldekette.test"),
            Map.entry("AUDIT_SINK", "stdout"),
            Map.entry("GOOGLE_CLOUD_PROJECT", "test"));
    server = FunctionServer.start(MailboxUnderTest.class, "http", port).checkedAgainst(CONTRACT);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    queue.close();
    mail.stop();
  }

  /** Sends a raw message over SMTP to the security mailbox, as a reporter's server would. */
  static void send(String raw) throws Exception {
    Properties p = new Properties();
    p.setProperty("mail.smtp.host", "127.0.0.1");
    p.setProperty("mail.smtp.port", String.valueOf(mail.getSmtp().getPort()));
    Session session = Session.getInstance(p);
    MimeMessage message =
        new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))) {
          @Override
          protected void updateMessageID() {
            // keep the sender's own Message-ID
          }
        };
    Transport.send(
        message, new jakarta.mail.Address[] {new jakarta.mail.internet.InternetAddress(MAILBOX)});
  }

  /** Cloud Scheduler's call: the mailbox polls. */
  static HttpResponse<String> poll() {
    return TestHttp.send(
        "POST",
        server.uri("/poll"),
        "",
        "Authorization",
        "Bearer " + queue.token(SCHEDULER, AUDIENCE));
  }

  /** Delivers every mail task queued so far (as Cloud Tasks would), once each. */
  static void deliverMail() {
    for (LocalTaskQueue.Task task : queue.pending()) {
      if (task.name().startsWith("mail-")) {
        queue.deliver(task);
      }
    }
  }

  /** The mail in {@code address}'s inbox, read over IMAP (GreenMail: any login is its own). */
  static List<MimeMessage> inbox(String address) throws Exception {
    Properties p = new Properties();
    Session session = Session.getInstance(p);
    try (Store store = session.getStore("imap")) {
      store.connect("127.0.0.1", mail.getImap().getPort(), address, address);
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      List<MimeMessage> all = new ArrayList<>();
      for (Message m : inbox.getMessages()) {
        all.add(new MimeMessage((MimeMessage) m));
      }
      inbox.close(false);
      return all;
    }
  }

  /**
   * Whether the security mailbox's message with {@code subject} carries Meldekette's filed flag.
   */
  static boolean flaggedFiled(String subject) throws Exception {
    Session session = Session.getInstance(new Properties());
    try (Store store = session.getStore("imap")) {
      store.connect("127.0.0.1", mail.getImap().getPort(), MAILBOX, MAILBOX);
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      for (Message m : inbox.getMessages()) {
        if (subject.equals(m.getSubject())) {
          return m.getFlags().contains(new Flags(ImapSource.FILED))
              || m.getFlags().contains(Flags.Flag.SEEN);
        }
      }
      return false;
    }
  }

  static String authenticated(String dmarc) {
    return "Authentication-Results: "
        + AUTHSERV
        + "; spf=pass smtp.mailfrom=example.org;"
        + " dkim=pass header.d=example.org; dmarc="
        + dmarc
        + " header.from=example.org\r\n";
  }
}
