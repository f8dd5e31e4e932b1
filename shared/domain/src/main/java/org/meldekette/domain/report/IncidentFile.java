package org.meldekette.domain.report;

import java.util.List;
import org.meldekette.domain.Communication;
import org.meldekette.domain.Decision;
import org.meldekette.domain.Evidence;
import org.meldekette.domain.Incident;
import org.meldekette.domain.Measure;
import org.meldekette.domain.TimelineEntry;
import org.meldekette.domain.deadline.Deadline;

/** Everything about one incident that a draft, the final report or the register is built from. */
public record IncidentFile(
    Incident incident,
    List<Deadline> deadlines,
    List<Measure> measures,
    List<Evidence> evidence,
    List<Decision> decisions,
    List<Communication> communications,
    List<TimelineEntry> timeline) {}
