package org.meldekette.domain;

import java.time.Instant;

/** The check whether a measure worked: by whom and when, from the sign-in and the clock. */
public record Effectiveness(
    EffectivenessResult result, String note, String checkedBy, Instant checkedAt) {}
