package org.meldekette.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.meldekette.domain.risk.RiskAcceptance;

/**
 * An incident as the lifecycle sees it. Everything that grows without bound (timeline, measures,
 * evidence, decisions) lives beside it, not in it, so the record stays small. Every change makes a
 * new record with the next {@code version}, the HTTP API's ETag, so two people never overwrite each
 * other unseen.
 *
 * @param triage what triage found so far, or null before any triage
 * @param noEvidenceJustification why forensics ended without evidence, when it did
 * @param closedAt when the incident was closed, or null while open
 * @param sourceUrl where the incident came from, such as the monitoring alert's console link, or
 *     null
 * @param milestones moments deadlines start from or are met by
 * @param regimes the reporting regimes beside GDPR found to apply, by regime ID
 * @param assessment what is known in words for notifications (nature, consequences, advice, …)
 * @param team the members working on the incident, by email: need-to-know for its communications
 * @param processing whether the operator controls the data concerned or processes it for a
 *     controller, and the processors involved
 * @param closure how the incident was closed; null while open
 * @param held whether the incident is a report held for screening (taken in during a surge beyond
 *     the system-wide rate): no clock runs until a responder screens it in
 * @param riskAcceptance the risk assessment LEGAL or the DPO accepted or overrode last, or null
 * @param customers the customers the incident affected (names or IDs as the operator keeps them):
 *     what a customer's audit pack is filtered by
 */
public record Incident(
    String id,
    String title,
    IncidentSource source,
    ReportKind reportKind,
    Phase phase,
    Instant detectedAt,
    Instant createdAt,
    Instant updatedAt,
    long version,
    Triage triage,
    String noEvidenceJustification,
    Instant closedAt,
    String sourceUrl,
    Milestones milestones,
    Map<String, RegimeTrigger> regimes,
    Assessment assessment,
    java.util.List<String> team,
    ProcessingRoles processing,
    Closure closure,
    boolean held,
    RiskAcceptance riskAcceptance,
    java.util.List<String> customers) {

  public Incident {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(detectedAt, "detectedAt");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    milestones = milestones == null ? Milestones.NONE : milestones;
    regimes = regimes == null ? Map.of() : Map.copyOf(regimes);
    assessment = assessment == null ? Assessment.NONE : assessment;
    team = team == null ? java.util.List.of() : java.util.List.copyOf(team);
    processing = processing == null ? ProcessingRoles.OWN_DATA : processing;
    // Incidents closed before closures had kinds were worked through.
    closure = closedAt == null ? null : closure == null ? Closure.RESOLVED : closure;
    customers = customers == null ? java.util.List.of() : java.util.List.copyOf(customers);
  }

  /** A new incident in triage. */
  public static Incident open(
      String id, String title, IncidentSource source, ReportKind reportKind, Instant at) {
    return new Incident(
        id,
        title,
        source,
        reportKind,
        Phase.DETECTION_TRIAGE,
        at,
        at,
        at,
        1,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        false,
        null,
        null);
  }

  /**
   * A new incident from a report, detected when the report arrived; {@code held} when it came in a
   * surge and waits to be screened.
   */
  public static Incident fromReport(String id, Report report, Instant receivedAt, boolean held) {
    Incident opened = open(id, report.title(), IncidentSource.REPORT, report.kind(), receivedAt);
    return held ? new Builder(opened).held(true).build() : opened;
  }

  /**
   * A new incident from a monitoring alert: detected when the alert started, with the rule's
   * severity, CIA impact and the alerting system already in its triage, and the monitoring link as
   * its source.
   */
  public static Incident fromAlert(
      String id,
      String title,
      Instant startedAt,
      Instant now,
      Triage initialTriage,
      String monitoringUrl) {
    return new Incident(
        id,
        title,
        IncidentSource.ALERT,
        null,
        Phase.DETECTION_TRIAGE,
        startedAt,
        now,
        now,
        1,
        initialTriage,
        null,
        null,
        monitoringUrl,
        null,
        null,
        null,
        null,
        null,
        null,
        false,
        null,
        null);
  }

  public boolean isClosed() {
    return phase == Phase.CLOSED;
  }

  public boolean isBreach() {
    return triage != null && triage.isBreach();
  }

  /** Whether the incident was ever classified as a breach: it stays in the breach register. */
  public boolean wasEverBreach() {
    return triage != null && triage.breachClassifiedAt() != null;
  }

  public Incident withTriage(Triage newTriage, Instant now) {
    return next(now)
        .triage(newTriage)
        .milestones(assessed(milestones, newTriage, phase, now))
        .build();
  }

  public Incident inPhase(Phase newPhase, String noEvidence, Instant closed, Instant now) {
    Milestones reached =
        newPhase.isBefore(Phase.CONTAINMENT) ? milestones : milestones.triaged(now);
    return next(now)
        .phase(newPhase)
        .noEvidenceJustification(noEvidence)
        .closedAt(closed)
        .closure(closed == null ? null : Closure.RESOLVED)
        .milestones(assessed(reached, triage, newPhase, now))
        .build();
  }

  /**
   * Closed as no incident at all ({@link Closure#dismisses}): straight from triage, its clocks
   * stopped, its record kept.
   */
  public Incident dismissed(Closure how, Instant now) {
    if (!how.dismisses()) {
      throw new IllegalArgumentException("a dismissal closes as NOT_AN_INCIDENT or SCREENED_OUT");
    }
    return next(now).phase(Phase.CLOSED).closedAt(now).closure(how).held(false).build();
  }

  /** A report held for screening (a surge), or screened in: its clocks count from its receipt. */
  public Incident withHeld(boolean value, Instant now) {
    return next(now).held(value).build();
  }

  /** A breach in or past its legal assessment stays bound to its Art. 33 decision from then on. */
  private static Milestones assessed(
      Milestones milestones, Triage triage, Phase phase, Instant now) {
    boolean breachAssessed =
        triage != null && triage.isBreach() && !phase.isBefore(Phase.LEGAL_ASSESSMENT);
    return breachAssessed ? milestones.breachAssessed(now) : milestones;
  }

  public Incident withProcessing(ProcessingRoles roles, Instant now) {
    return next(now).processing(roles).build();
  }

  public Incident withMilestones(Milestones reached, Instant now) {
    return next(now).milestones(reached).build();
  }

  public Incident withRegime(String regime, RegimeTrigger trigger, Instant now) {
    Map<String, RegimeTrigger> all = new java.util.TreeMap<>(regimes);
    all.put(regime, trigger);
    return next(now).regimes(all).build();
  }

  public Incident withAssessment(Assessment value, Instant now) {
    return next(now).assessment(value).build();
  }

  /** The risk now rests on {@code accepted}, with the triage's risk set to what was decided. */
  public Incident withRiskAccepted(Triage newTriage, RiskAcceptance accepted, Instant now) {
    Incident assessed = withTriage(newTriage, now);
    return new Builder(assessed).riskAcceptance(accepted).build();
  }

  public Incident withCustomers(java.util.List<String> affected, Instant now) {
    return next(now).customers(affected).build();
  }

  public Incident withTeam(java.util.List<String> members, Instant now) {
    return next(now).team(members).build();
  }

  /**
   * The same state with the next version: for changes recorded beside the incident (a measure, a
   * decision).
   */
  public Incident touched(Instant now) {
    return next(now).build();
  }

  private Builder next(Instant now) {
    return new Builder(this).updatedAt(now).version(version + 1);
  }

  /** Copies an incident with some values changed; only the withers above use it. */
  private static final class Builder {
    private final Incident from;
    private Phase phase;
    private Instant updatedAt;
    private long version;
    private Triage triage;
    private String noEvidenceJustification;
    private Instant closedAt;
    private Milestones milestones;
    private Map<String, RegimeTrigger> regimes;
    private Assessment assessment;
    private java.util.List<String> team;
    private ProcessingRoles processing;
    private Closure closure;
    private boolean held;
    private RiskAcceptance riskAcceptance;
    private java.util.List<String> customers;

    Builder(Incident from) {
      this.from = from;
      phase = from.phase;
      updatedAt = from.updatedAt;
      version = from.version;
      triage = from.triage;
      noEvidenceJustification = from.noEvidenceJustification;
      closedAt = from.closedAt;
      milestones = from.milestones;
      regimes = from.regimes;
      assessment = from.assessment;
      team = from.team;
      processing = from.processing;
      closure = from.closure;
      held = from.held;
      riskAcceptance = from.riskAcceptance;
      customers = from.customers;
    }

    Builder phase(Phase value) {
      phase = value;
      return this;
    }

    Builder updatedAt(Instant value) {
      updatedAt = value;
      return this;
    }

    Builder version(long value) {
      version = value;
      return this;
    }

    Builder triage(Triage value) {
      triage = value;
      return this;
    }

    Builder noEvidenceJustification(String value) {
      noEvidenceJustification = value;
      return this;
    }

    Builder closedAt(Instant value) {
      closedAt = value;
      return this;
    }

    Builder milestones(Milestones value) {
      milestones = value;
      return this;
    }

    Builder regimes(Map<String, RegimeTrigger> value) {
      regimes = value;
      return this;
    }

    Builder assessment(Assessment value) {
      assessment = value;
      return this;
    }

    Builder team(java.util.List<String> value) {
      team = value;
      return this;
    }

    Builder processing(ProcessingRoles value) {
      processing = value;
      return this;
    }

    Builder closure(Closure value) {
      closure = value;
      return this;
    }

    Builder held(boolean value) {
      held = value;
      return this;
    }

    Builder customers(java.util.List<String> value) {
      customers = value;
      return this;
    }

    Builder riskAcceptance(RiskAcceptance value) {
      riskAcceptance = value;
      return this;
    }

    Incident build() {
      return new Incident(
          from.id,
          from.title,
          from.source,
          from.reportKind,
          phase,
          from.detectedAt,
          from.createdAt,
          updatedAt,
          version,
          triage,
          noEvidenceJustification,
          closedAt,
          from.sourceUrl,
          milestones,
          regimes,
          assessment,
          team,
          processing,
          closure,
          held,
          riskAcceptance,
          customers);
    }
  }
}
