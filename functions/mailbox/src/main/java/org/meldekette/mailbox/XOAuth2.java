package org.meldekette.mailbox;

import com.google.auth.oauth2.ServiceAccountCredentials;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The password an XOAUTH2 sign-in presents: an OAuth2 access token. Google Workspace: the secret
 * holds a service account's key with domain-wide delegation for {@code https://mail.google.com/},
 * and a token for the mailbox is minted at each sign-in. Otherwise (Microsoft 365, another
 * provider) the secret holds a current access token, kept fresh outside Meldekette.
 */
final class XOAuth2 {
  private static final List<String> GMAIL = List.of("https://mail.google.com/");

  private XOAuth2() {}

  static String token(String secret, String mailbox) throws Exception {
    String value = secret.strip();
    if (!value.startsWith("{")) {
      return value;
    }
    ServiceAccountCredentials key =
        ServiceAccountCredentials.fromStream(
            new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8)));
    return key.createScoped(GMAIL).createDelegated(mailbox).refreshAccessToken().getTokenValue();
  }
}
