package org.meldekette.domain;

import java.time.Instant;
import java.util.List;

/**
 * What triage found. Any part may still be missing while triage goes on; the exit criteria say what
 * must be there before the incident leaves triage.
 *
 * @param classifiedAt when the incident was first classified at all (incident or breach)
 * @param highRiskFoundAt when the risk to data subjects was first found high (the Art. 34 clock's
 *     start, kept if the risk is lowered later)
 * @param breachClassifiedAt when the incident was first classified as a breach (kept for good: a
 *     once-breach stays in the register)
 * @param awarenessAt when the controller became aware of the breach: the start of the Art. 33 clock
 * @param awarenessJustification why awareness differs from the moment of classification, when it
 *     does
 */
public record Triage(
    Classification classification,
    Severity severity,
    CiaImpact cia,
    String scope,
    List<String> affectedSystems,
    List<String> dataDomains,
    List<String> dataCategories,
    Long estimatedDataSubjects,
    Long estimatedRecords,
    RiskLevel initialRisk,
    Instant classifiedAt,
    Instant highRiskFoundAt,
    Instant breachClassifiedAt,
    Instant awarenessAt,
    String awarenessJustification) {

  public static final int MAX_SCOPE_LENGTH = 5_000;
  public static final int MAX_JUSTIFICATION_LENGTH = 5_000;
  private static final long MAX_COUNT = 10_000_000_000L;

  public Triage {
    cia = cia == null ? new CiaImpact(null, null, null) : cia;
    affectedSystems = affectedSystems == null ? List.of() : List.copyOf(affectedSystems);
    dataDomains = dataDomains == null ? List.of() : List.copyOf(dataDomains);
    dataCategories = dataCategories == null ? List.of() : List.copyOf(dataCategories);
  }

  public boolean isBreach() {
    return classification == Classification.BREACH;
  }

  public boolean isHighRisk() {
    return initialRisk == RiskLevel.HIGH;
  }

  /** This triage as a form would send it, with {@code risk} as the initial risk. */
  public Input withRisk(RiskLevel risk) {
    return new Input(
        classification,
        severity,
        cia,
        scope,
        affectedSystems,
        dataDomains,
        dataCategories,
        estimatedDataSubjects,
        estimatedRecords,
        risk,
        awarenessAt,
        awarenessJustification);
  }

  /**
   * What a triage form sent, before the rules that depend on the previous triage and the clock are
   * applied. Missing values are null.
   */
  public record Input(
      Classification classification,
      Severity severity,
      CiaImpact cia,
      String scope,
      List<String> affectedSystems,
      List<String> dataDomains,
      List<String> dataCategories,
      Long estimatedDataSubjects,
      Long estimatedRecords,
      RiskLevel initialRisk,
      Instant awarenessAt,
      String awarenessJustification) {

    /** A first, partial triage: the classification, severity and risk alone. */
    public static Input classified(
        Classification classification, Severity severity, RiskLevel initialRisk) {
      return new Input(
          classification,
          severity,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          initialRisk,
          null,
          null);
    }
  }

  /**
   * The triage after recording {@code input} over {@code previous} (null the first time) at {@code
   * now}. What GDPR counts from stays as it was first found, whatever the classification does
   * later: the first classification as a breach, awareness (the start of the Art. 33 clock) and the
   * first finding of high risk (the start of the Art. 34 clock). Awareness defaults to the moment
   * of the first classification as a breach; any other time, and any later change of it, needs a
   * justification. Awareness in the future is refused. Which of these changes also need a legal
   * sign-off, {@link #legalFactsChanged} says.
   */
  public static Triage record(Triage previous, Input input, Instant now) {
    String scope = Text.optional("scope", input.scope(), MAX_SCOPE_LENGTH, true);
    List<String> systems = Lists.names("affectedSystems", input.affectedSystems());
    List<String> domains = Lists.names("dataDomains", input.dataDomains());
    List<String> categories = Lists.names("dataCategories", input.dataCategories());
    Long subjects = count("estimatedDataSubjects", input.estimatedDataSubjects());
    Long records = count("estimatedRecords", input.estimatedRecords());
    String justification =
        Text.optional(
            "awarenessJustification",
            input.awarenessJustification(),
            MAX_JUSTIFICATION_LENGTH,
            true);

    boolean breach = input.classification() == Classification.BREACH;
    Instant firstBreach = previous == null ? null : previous.breachClassifiedAt();
    Instant breachClassifiedAt = firstBreach != null ? firstBreach : breach ? now : null;
    Instant previousAwareness = previous == null ? null : previous.awarenessAt();
    Instant awareness =
        input.awarenessAt() != null
            ? input.awarenessAt()
            : previousAwareness != null ? previousAwareness : breach ? breachClassifiedAt : null;
    if (awareness != null && awareness.isAfter(now)) {
      throw new InvalidInput("awarenessAt", "IN_FUTURE", "awarenessAt lies in the future");
    }
    if (awareness != null && breachClassifiedAt == null) {
      throw new InvalidInput(
          "awarenessAt",
          "NOT_APPLICABLE",
          "awareness of a personal data breach needs the classification BREACH");
    }
    boolean changed = previousAwareness != null && !previousAwareness.equals(awareness);
    if (justification == null && !changed && previousAwareness != null) {
      justification = previous.awarenessJustification(); // unchanged: its justification stands
    }
    if (justification == null
        && awareness != null
        && (changed || !awareness.equals(breachClassifiedAt))) {
      throw new InvalidInput(
          "awarenessJustification",
          "REQUIRED",
          "an awareness time other than the moment of classification as a breach needs a justification");
    }
    Instant firstClassified =
        previous != null && previous.classifiedAt() != null
            ? previous.classifiedAt()
            : input.classification() == null ? null : now;
    Instant firstHighRisk = previous == null ? null : previous.highRiskFoundAt();
    Instant highRisk =
        firstHighRisk != null ? firstHighRisk : input.initialRisk() == RiskLevel.HIGH ? now : null;
    return new Triage(
        input.classification(),
        input.severity(),
        input.cia(),
        scope,
        systems,
        domains,
        categories,
        subjects,
        records,
        input.initialRisk(),
        firstClassified,
        highRisk,
        breachClassifiedAt,
        awareness,
        justification);
  }

  /**
   * Changes of legal facts that a triage write alone may not make once an incident was a breach:
   * they decide whether and from when GDPR's clocks run and whether the breach is reported, so they
   * need a justification and the sign-off of LEGAL or the DPO (four eyes).
   */
  public enum LegalFact {
    /** A breach is reclassified as a plain incident. */
    RECLASSIFIED_FROM_BREACH,
    /** The classification of a breach is dropped. */
    CLASSIFICATION_DROPPED,
    /** Awareness moves to a time later than the first classification as a breach. */
    AWARENESS_MOVED_LATER,
    /** A high risk to the data subjects (the Art. 34 threshold) is lowered. */
    HIGH_RISK_LOWERED
  }

  /** Which legal facts {@code next} changes against {@code previous}. */
  public static List<LegalFact> legalFactsChanged(Triage previous, Triage next) {
    if (previous == null) {
      return List.of();
    }
    List<LegalFact> changed = new java.util.ArrayList<>();
    if (previous.isBreach() && next.classification() == Classification.INCIDENT) {
      changed.add(LegalFact.RECLASSIFIED_FROM_BREACH);
    }
    if (previous.breachClassifiedAt() != null
        && previous.classification() != null
        && next.classification() == null) {
      changed.add(LegalFact.CLASSIFICATION_DROPPED);
    }
    boolean awarenessMoved =
        next.awarenessAt() != null && !next.awarenessAt().equals(previous.awarenessAt());
    if (awarenessMoved && next.awarenessAt().isAfter(next.breachClassifiedAt())) {
      changed.add(LegalFact.AWARENESS_MOVED_LATER);
    }
    if (previous.isHighRisk() && !next.isHighRisk()) {
      changed.add(LegalFact.HIGH_RISK_LOWERED);
    }
    return changed;
  }

  private static Long count(String field, Long value) {
    if (value != null && (value < 0 || value > MAX_COUNT)) {
      throw new InvalidInput(field, "OUT_OF_RANGE", field + " must be between 0 and " + MAX_COUNT);
    }
    return value;
  }
}
