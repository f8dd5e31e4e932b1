package org.meldekette.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.meldekette.domain.risk.RiskMethod;

/**
 * The risk method of a deployment: the shipped ENISA table ({@code
 * org/meldekette/risk-method.json}), or {@code RISK_METHOD_FILE}, a table of the deployment's own
 * with its own version.
 */
public final class RiskMethodConfig {
  private RiskMethodConfig() {}

  public static RiskMethod method(Env env) {
    String file = env.get("RISK_METHOD_FILE", null);
    if (file == null) {
      return RiskMethod.shipped();
    }
    try {
      return RiskMethod.parse(Files.readString(Path.of(file), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the risk method file " + file, e);
    }
  }
}
