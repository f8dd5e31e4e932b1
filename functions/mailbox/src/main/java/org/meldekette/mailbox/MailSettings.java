package org.meldekette.mailbox;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.meldekette.config.Env;
import org.meldekette.domain.mail.ThreadKeys;
import org.meldekette.notify.Secrets;
import org.meldekette.store.RateLimits;

/**
 * The mailbox's configuration: where the security mailbox is read (IMAP, with a password or OAuth2
 * XOAUTH2 token), where mail goes out (SMTP with STARTTLS to a relay), which server's
 * Authentication-Results count, and the limits. Credentials and the thread key come from Secret
 * Manager, never from plain variables.
 */
record MailSettings(
    String address,
    Server imap,
    Server smtp,
    String authservId,
    ThreadKeys keys,
    String sealingKey,
    int parseMaxBytes,
    List<RateLimits.Budget> perSender,
    RateLimits.Budget acknowledgements,
    RateLimits.Budget surge,
    String statusUrl,
    String inboundSecret) {

  /**
   * One server: host, port, {@code ssl}, {@code starttls} (required, not opportunistic) or {@code
   * none} (only for a server on this machine), and how to sign in.
   */
  record Server(
      String host, int port, String security, String user, String auth, String credential) {
    Properties properties(String protocol) {
      Properties p = new Properties();
      String prefix = "mail." + protocol + ".";
      p.setProperty(prefix + "host", host);
      p.setProperty(prefix + "port", String.valueOf(port));
      p.setProperty(prefix + "connectiontimeout", "10000");
      p.setProperty(prefix + "timeout", "30000");
      p.setProperty(prefix + "writetimeout", "30000");
      if (security.equals("ssl")) {
        p.setProperty(prefix + "ssl.enable", "true");
        p.setProperty(prefix + "ssl.checkserveridentity", "true");
      } else if (security.equals("starttls")) {
        p.setProperty(prefix + "starttls.enable", "true");
        p.setProperty(prefix + "starttls.required", "true");
        p.setProperty(prefix + "ssl.checkserveridentity", "true");
      }
      if (auth.equals("xoauth2")) {
        p.setProperty(prefix + "auth.mechanisms", "XOAUTH2");
      }
      if (protocol.equals("smtp")) {
        p.setProperty("mail.smtp.auth", String.valueOf(credential != null));
      }
      return p;
    }
  }

  static MailSettings from(Env env, Secrets secrets) throws Exception {
    String address = env.require("MAIL_ADDRESS");
    return new MailSettings(
        address,
        server(
            secrets,
            "mail-imap-credential",
            env.require("MAIL_IMAP_HOST"),
            env.integer("MAIL_IMAP_PORT", 993),
            env.get("MAIL_IMAP_SECURITY", "ssl"),
            env.get("MAIL_IMAP_USER", address),
            env.get("MAIL_IMAP_AUTH", "password")),
        server(
            secrets,
            "mail-smtp-credential",
            env.require("MAIL_SMTP_HOST"),
            env.integer("MAIL_SMTP_PORT", 587),
            env.get("MAIL_SMTP_SECURITY", "starttls"),
            env.get("MAIL_SMTP_USER", address),
            env.get("MAIL_SMTP_AUTH", "password")),
        env.get("MAIL_AUTHSERV_ID", ""),
        new ThreadKeys(secrets.value("mail-thread-key").getBytes(StandardCharsets.UTF_8), address),
        secrets.value("mail-thread-key"),
        env.integer("MAIL_PARSE_MAX_BYTES", 10 * 1024 * 1024),
        RateLimits.Budget.parse(env.get("REPORT_CLIENT_LIMITS", "5/PT10M,30/P1D")),
        RateLimits.Budget.parse(env.get("MAIL_ACKNOWLEDGEMENTS_PER_SENDER", "1/PT1H")).get(0),
        RateLimits.Budget.parse(env.get("REPORT_SURGE_RATE", "50/PT10M")).get(0),
        env.get("REPORT_SITE_URL", "http://localhost:5000") + "/status/",
        secretOrNull(secrets, "mail-inbound-secret"));
  }

  private static Server server(
      Secrets secrets,
      String secret,
      String host,
      int port,
      String security,
      String user,
      String auth)
      throws Exception {
    if (!List.of("password", "xoauth2", "none").contains(auth)) {
      throw new IllegalStateException(
          secret + ": the sign-in is password, xoauth2 or none, not " + auth);
    }
    if (!List.of("ssl", "starttls", "none").contains(security)) {
      throw new IllegalStateException(
          secret + ": security is ssl, starttls or none, not " + security);
    }
    return new Server(
        host, port, security, user, auth, auth.equals("none") ? null : secrets.value(secret));
  }

  private static String secretOrNull(Secrets secrets, String name) {
    try {
      return secrets.value(name);
    } catch (Exception missing) {
      return null; // no inbound webhook configured
    }
  }
}
