package org.meldekette.store;

import com.google.cloud.Timestamp;
import java.time.Instant;

/** Instants in and out of Firestore: stored as timestamps so they sort and compare in queries. */
public final class Timestamps {
  private Timestamps() {}

  public static Timestamp of(Instant instant) {
    return instant == null
        ? null
        : Timestamp.ofTimeSecondsAndNanos(instant.getEpochSecond(), instant.getNano());
  }

  public static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    Timestamp timestamp = (Timestamp) value;
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }
}
