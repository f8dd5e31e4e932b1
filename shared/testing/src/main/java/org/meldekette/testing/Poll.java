package org.meldekette.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for an outside process to become ready (an emulator restarting, a gRPC channel reconnecting
 * after its backoff). Never used to wait for the code under test: that is driven by calls and
 * injected clocks.
 */
public final class Poll {
  private Poll() {}

  public static void until(String what, Duration timeout, BooleanSupplier ready) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ready.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(what + " not ready within " + timeout);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + what, e);
      }
    }
  }
}
