package org.meldekette.domain.lifecycle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.meldekette.domain.Actor;
import org.meldekette.domain.Change;
import org.meldekette.domain.ChangeType;
import org.meldekette.domain.Classification;
import org.meldekette.domain.Conflict;
import org.meldekette.domain.CustodyEntry;
import org.meldekette.domain.Decision;
import org.meldekette.domain.DecisionType;
import org.meldekette.domain.Evidence;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentRecords;
import org.meldekette.domain.InvalidInput;
import org.meldekette.domain.Measure;
import org.meldekette.domain.MeasureView;

/**
 * The records kept beside an incident: measures, evidence with its chain of custody, and the
 * decision log. Evidence, custody entries and decisions are append-only: a decision is corrected by
 * a later one, never changed.
 */
public final class RecordRules {
  private RecordRules() {}

  public static Outcome measureAdded(Incident incident, Measure measure, Actor actor, Instant now) {
    return new Outcome(
        incident.touched(now),
        new Change(
            ChangeType.MEASURE_ADDED,
            actor,
            now,
            incident.id(),
            measure.type() + " measure " + measure.id() + " added",
            null,
            MeasureView.of(measure)));
  }

  public static Outcome measureChanged(
      Incident incident, Measure before, Measure after, Actor actor, Instant now) {
    Diff diff = Diff.of(MeasureView.of(before), MeasureView.of(after));
    // Which measure changed, though its ID did not: what follows the commit (the ISMS) needs it.
    Map<String, Object> changed = new LinkedHashMap<>(diff.after());
    changed.put("measure", before.id());
    return new Outcome(
        incident.touched(now),
        new Change(
            ChangeType.MEASURE_CHANGED,
            actor,
            now,
            incident.id(),
            "Measure " + before.id() + " changed: " + String.join(", ", diff.after().keySet()),
            diff.before(),
            changed));
  }

  public static Outcome evidenceAdded(
      Incident incident, Evidence evidence, Actor actor, Instant now) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("evidence", evidence.id());
    after.put("source", evidence.source().name());
    after.put("sha256", evidence.sha256());
    return new Outcome(
        incident.touched(now),
        new Change(
            ChangeType.EVIDENCE_ADDED,
            actor,
            now,
            incident.id(),
            "Evidence " + evidence.id() + " secured (" + evidence.source() + ")",
            null,
            after));
  }

  public static Outcome custodyAppended(
      Incident incident, Evidence evidence, CustodyEntry entry, Actor actor, Instant now) {
    return new Outcome(
        incident.touched(now),
        new Change(
            ChangeType.CUSTODY_APPENDED,
            actor,
            now,
            incident.id(),
            "Evidence "
                + evidence.id()
                + ": "
                + entry.action()
                + " (custody entry "
                + entry.sequence()
                + ")",
            null,
            Map.of(
                "evidence",
                evidence.id(),
                "sequence",
                entry.sequence(),
                "action",
                entry.action().name())));
  }

  /**
   * Logs a decision. A correction must name a decision that is still in force; a decision must fit
   * the classification (the Art. 33/34 decisions for a breach, "no personal data affected" for a
   * plain incident).
   */
  public static Outcome decisionLogged(
      Incident incident, IncidentRecords records, Decision decision, Actor actor, Instant now) {
    if (decision.corrects() != null
        && records.effectiveDecisions().stream()
            .noneMatch(d -> d.id().equals(decision.corrects()))) {
      boolean exists =
          records.decisions().stream().anyMatch(d -> d.id().equals(decision.corrects()));
      throw exists
          ? new Conflict(
              "DECISION_ALREADY_CORRECTED",
              "decision " + decision.corrects() + " was already corrected")
          : new InvalidInput(
              "corrects", "NOT_FOUND", "no decision " + decision.corrects() + " in this incident");
    }
    Classification classification =
        incident.triage() == null ? null : incident.triage().classification();
    boolean personalData = decision.type() != DecisionType.NO_PERSONAL_DATA_AFFECTED;
    // A breach reclassified later keeps its Art. 33/34 decisions (Art. 33(5)).
    boolean fits =
        personalData
            ? classification == Classification.BREACH || incident.wasEverBreach()
            : classification == Classification.INCIDENT;
    if (classification == null || !fits) {
      throw new Conflict(
          "DECISION_CONTRADICTS_CLASSIFICATION",
          decision.type()
              + " does not fit an incident "
              + (classification == null ? "not yet classified" : "classified as " + classification)
              + "; record the classification in triage first");
    }
    if (decision.type() == DecisionType.NO_DATA_SUBJECT_NOTIFICATION
        && incident.triage().isHighRisk()
        && decision.exception() == null) {
      throw new InvalidInput(
          "exception",
          "REQUIRED",
          "at high risk the data subjects are informed unless an Art. 34(3) exception applies:"
              + " ENCRYPTED, SUBSEQUENT_MEASURES or DISPROPORTIONATE_EFFORT (then a public"
              + " communication informs them instead)");
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("decision", decision.id());
    after.put("type", decision.type().name());
    after.put("signedAs", decision.signedAs().name());
    if (decision.corrects() != null) {
      after.put("corrects", decision.corrects());
    }
    if (decision.exception() != null) {
      after.put("exception", decision.exception().name());
    }
    if (decision.restsOn() != null) {
      after.put("restsOn", decision.restsOn());
    }
    return new Outcome(
        incident.touched(now),
        new Change(
            ChangeType.DECISION_LOGGED,
            actor,
            now,
            incident.id(),
            "Decision " + decision.id() + ": " + decision.type(),
            null,
            after));
  }
}
