package org.meldekette.mailbox;

import com.google.cloud.firestore.Firestore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.meldekette.config.Env;
import org.meldekette.testing.MutableClock;

/** The function as the invoker instantiates it in tests. */
public class MailboxUnderTest extends MailboxFunction {
  static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
  static volatile Firestore db;
  static volatile MutableClock clock;
  static volatile Map<String, String> env;

  public MailboxUnderTest() {
    super(new Env(env), () -> db, clock, new PrintStream(LOG, true, StandardCharsets.UTF_8));
  }
}
