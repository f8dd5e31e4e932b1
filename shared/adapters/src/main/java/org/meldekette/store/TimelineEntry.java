package org.meldekette.store;

import java.time.Instant;
import java.util.Map;

/** A stored timeline entry as the API shows it. */
public record TimelineEntry(String id, Instant at, String type, String actorKind, String actorId, String summary,
    Map<String, Object> before, Map<String, Object> after) {}
