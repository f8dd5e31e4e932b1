package org.meldekette.notify;

import java.util.Locale;
import org.meldekette.config.Env;

/**
 * The local stack's secrets: {@code SECRET_<NAME>} environment variables (dashes as underscores).
 */
public final class EnvironmentSecrets implements Secrets {
  private final Env env;

  public EnvironmentSecrets(Env env) {
    this.env = env;
  }

  @Override
  public String value(String name) {
    return env.require("SECRET_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
