package org.meldekette.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.deadline.Regimes;

/**
 * The deadline policy of a deployment: {@code REGIMES} switches regimes on (default {@code
 * GDPR,INTERNAL}); {@code REGIMES_FILE} names a regimes file of the deployment's own instead of the
 * shipped {@code org/meldekette/regimes.json}.
 */
public final class RegimeConfig {
  private RegimeConfig() {}

  public static DeadlinePolicy policy(Env env) {
    return new DeadlinePolicy(Regimes.parse(json(env), env.list("REGIMES", "GDPR,INTERNAL")));
  }

  private static String json(Env env) {
    String file = env.get("REGIMES_FILE", null);
    try {
      if (file != null) {
        return Files.readString(Path.of(file), StandardCharsets.UTF_8);
      }
      return Regimes.shippedFile();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the regimes file", e);
    }
  }
}
