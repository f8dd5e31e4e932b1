package org.meldekette.domain;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of an incident's timeline as stored: who did what when, and the values before and
 * after.
 */
public record TimelineEntry(
    String id,
    Instant at,
    String type,
    String actorKind,
    String actorId,
    String summary,
    Map<String, Object> before,
    Map<String, Object> after) {}
