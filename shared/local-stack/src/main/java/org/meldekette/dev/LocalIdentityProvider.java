package org.meldekette.dev;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.meldekette.config.Env;
import org.meldekette.domain.Member;
import org.meldekette.domain.Role;
import org.meldekette.store.FirestoreClients;
import org.meldekette.store.MemberStore;

/**
 * The local stack's stand-in for Google sign-in, started by {@code ./run-local.sh}: makes a key
 * that only the local stack trusts, serves it at {@code /certs}, adds one demo member per role to
 * the emulator, and writes a ready-to-use ID token for each to {@code <dir>/<role>.token}. Never
 * part of a deployment: a deployed function verifies against Google's keys.
 *
 * <p>Arguments: port, audience (the local incident-lifecycle URL), token directory.
 */
public final class LocalIdentityProvider {
  private LocalIdentityProvider() {}

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    String audience = args[1];
    Path tokens = Path.of(args[2]);
    TokenIssuer issuer =
        new TokenIssuer("http://localhost:" + port, "local-" + Instant.now().getEpochSecond());

    MemberStore members = new MemberStore(FirestoreClients.fromEnvironment(Env.system()).get());
    Map<Role, String> demo = new LinkedHashMap<>();
    for (Role role : Role.values()) {
      demo.put(role, role.name().toLowerCase().replace('_', '-') + "@meldekette.local");
    }
    Instant now = Instant.now();
    Files.createDirectories(tokens);
    for (Map.Entry<Role, String> member : demo.entrySet()) {
      members.put(
          new Member(member.getValue(), EnumSet.of(member.getKey()), true), "run-local.sh", now);
      String token = issuer.sign(member.getValue(), audience, now, now.plus(Duration.ofHours(12)));
      Files.writeString(
          tokens.resolve(member.getKey().name().toLowerCase().replace('_', '-') + ".token"), token);
    }

    JwksEndpoint.serve(issuer, port);
    System.out.println(
        "Local sign-in on http://localhost:" + port + "/certs; tokens (12 h) in " + tokens);
  }
}
