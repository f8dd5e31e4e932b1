package org.meldekette.domain;

import java.time.Instant;

/**
 * One link in a piece of evidence's chain of custody. Entries are only ever appended, numbered from
 * 1; the first is the collection itself.
 */
public record CustodyEntry(int sequence, Action action, String by, Instant at, String note) {
  public static final int MAX_NOTE_LENGTH = 2_000;

  public enum Action {
    COLLECTED,
    TRANSFERRED,
    ACCESSED,
    COPIED,
    ANALYSED,
    STORED,
    RETURNED,
    /**
     * Meldekette read the stored object again and compared its SHA-256 (the note says how it went).
     */
    VERIFIED
  }

  public CustodyEntry {
    if (action == null) {
      throw new InvalidInput("action", "REQUIRED", "action is required");
    }
    note = Text.optional("note", note, MAX_NOTE_LENGTH, true);
  }
}
