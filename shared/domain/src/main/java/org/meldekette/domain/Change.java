package org.meldekette.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One state change, described once: who did what to which incident, when, and the values before and
 * after where they apply. The store turns it into the incident's timeline entry and its audit
 * event; nothing about a reporter or a data subject goes in here except by ID. Changes are made by
 * the domain's factories (the lifecycle, alert triage, reminders, holds), never assembled by an
 * adapter or a function.
 *
 * @param summary one line for people, free of personal data
 */
public record Change(
    ChangeType type,
    Actor actor,
    Instant at,
    String incidentId,
    String summary,
    Map<String, Object> before,
    Map<String, Object> after) {

  public Change {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
    // Values may be null ("no severity before"), which Map.copyOf refuses.
    before = before == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(before));
    after = after == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(after));
  }
}
