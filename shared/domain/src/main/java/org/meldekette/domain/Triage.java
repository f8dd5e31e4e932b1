package org.meldekette.domain;

import java.time.Instant;
import java.util.List;

/**
 * What triage found. Any part may still be missing while triage goes on; the exit criteria say what
 * must be there before the incident leaves triage.
 *
 * @param classifiedAt when the incident was first classified at all (incident or breach)
 * @param highRiskFoundAt when the risk to data subjects was first found high (the Art. 34 clock's
 *     start)
 * @param breachClassifiedAt when the incident was first classified as a breach (kept while it stays
 *     one)
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
      String awarenessJustification) {}

  /**
   * The triage after recording {@code input} over {@code previous} (null the first time) at {@code
   * now}. Awareness defaults to the moment of classification as a breach; any other time, and any
   * later change of it, needs a justification. Awareness in the future is refused.
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

    Instant classifiedAt = null;
    Instant awareness = null;
    if (input.classification() == Classification.BREACH) {
      boolean wasBreach = previous != null && previous.isBreach();
      classifiedAt = wasBreach ? previous.breachClassifiedAt() : now;
      Instant previousAwareness = wasBreach ? previous.awarenessAt() : null;
      awareness =
          input.awarenessAt() != null
              ? input.awarenessAt()
              : previousAwareness != null ? previousAwareness : classifiedAt;
      if (awareness.isAfter(now)) {
        throw new InvalidInput("awarenessAt", "IN_FUTURE", "awarenessAt lies in the future");
      }
      boolean changedLater = previousAwareness != null && !awareness.equals(previousAwareness);
      if (justification == null && !changedLater && previousAwareness != null) {
        justification =
            previous.awarenessJustification(); // unchanged: its justification still stands
      }
      if (justification == null && (changedLater || !awareness.equals(classifiedAt))) {
        throw new InvalidInput(
            "awarenessJustification",
            "REQUIRED",
            "an awareness time other than the moment of classification as a breach needs a justification");
      }
    } else {
      justification = null;
    }
    Instant firstClassified =
        input.classification() == null
            ? null
            : previous != null && previous.classifiedAt() != null ? previous.classifiedAt() : now;
    Instant highRisk =
        input.initialRisk() != RiskLevel.HIGH
            ? null
            : previous != null && previous.highRiskFoundAt() != null
                ? previous.highRiskFoundAt()
                : now;
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
        classifiedAt,
        awareness,
        justification);
  }

  private static Long count(String field, Long value) {
    if (value != null && (value < 0 || value > MAX_COUNT)) {
      throw new InvalidInput(field, "OUT_OF_RANGE", field + " must be between 0 and " + MAX_COUNT);
    }
    return value;
  }
}
