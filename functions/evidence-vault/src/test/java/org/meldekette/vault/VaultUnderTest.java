package org.meldekette.vault;

import com.google.cloud.firestore.Firestore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.meldekette.config.Env;
import org.meldekette.testing.MutableClock;

/** The function as the invoker instantiates it in tests. */
public class VaultUnderTest extends EvidenceVaultFunction {
  static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
  static volatile Firestore db;
  static volatile MutableClock clock;
  static volatile Map<String, String> env;

  public VaultUnderTest() {
    super(new Env(env), () -> db, clock, new PrintStream(LOG, true, StandardCharsets.UTF_8));
  }

  static String logText() {
    return LOG.toString(StandardCharsets.UTF_8);
  }
}
