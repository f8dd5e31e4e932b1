package org.meldekette.notify;

import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.meldekette.config.Env;
import org.meldekette.config.Lazy;

/**
 * Secrets from {@code SECRETS}: {@code secret-manager} (default, in {@code GOOGLE_CLOUD_PROJECT})
 * or {@code env}.
 */
public final class SecretSources {
  private SecretSources() {}

  public static Secrets fromEnvironment(Env env, Clock clock) {
    String kind = env.get("SECRETS", "secret-manager");
    return switch (kind) {
      case "env" -> new EnvironmentSecrets(env);
      case "secret-manager" ->
          new SecretManagerSecrets(
              Lazy.of(
                  () -> {
                    try {
                      return SecretManagerServiceClient.create();
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  }),
              env.require("GOOGLE_CLOUD_PROJECT"),
              clock);
      default ->
          throw new IllegalStateException("SECRETS must be secret-manager or env, not " + kind);
    };
  }
}
