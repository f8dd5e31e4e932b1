package org.meldekette.domain.lifecycle;

import org.meldekette.domain.Change;
import org.meldekette.domain.Incident;

/**
 * The incident as a command leaves it, and the {@link Change} to record: what every rule of the
 * lifecycle returns, and what the store writes in one transaction.
 */
public record Outcome(Incident incident, Change change) {}
