package org.meldekette.domain.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.meldekette.domain.Actor;
import org.meldekette.domain.Audience;
import org.meldekette.domain.CiaImpact;
import org.meldekette.domain.Classification;
import org.meldekette.domain.Communication;
import org.meldekette.domain.Conflict;
import org.meldekette.domain.Decision;
import org.meldekette.domain.DecisionType;
import org.meldekette.domain.Effectiveness;
import org.meldekette.domain.EffectivenessResult;
import org.meldekette.domain.ImpactLevel;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentSource;
import org.meldekette.domain.Measure;
import org.meldekette.domain.MeasureStatus;
import org.meldekette.domain.MeasureType;
import org.meldekette.domain.RiskLevel;
import org.meldekette.domain.Role;
import org.meldekette.domain.Severity;
import org.meldekette.domain.Triage;

/** Incidents and records for the rule tests: one fixed instant, no clock that moves by itself. */
final class Fixtures {
  private Fixtures() {}

  static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
  static final Actor RESPONDER = Actor.staff("responder@x.test", Role.RESPONDER);
  static final Actor SECOND_LINE = Actor.staff("second@x.test", Role.SECOND_LINE);
  static final Actor LEGAL = Actor.staff("legal@x.test", Role.LEGAL);
  static final Actor DPO = Actor.staff("dpo@x.test", Role.DPO);
  static final Actor COMMUNICATIONS = Actor.staff("press@x.test", Role.COMMUNICATIONS);

  static Instant at(int hours) {
    return T0.plus(Duration.ofHours(hours));
  }

  static Incident opened() {
    return Incident.open("INC-20261120-AAAAAA", "t", IncidentSource.STAFF, null, T0);
  }

  static Triage.Input complete(Classification classification, RiskLevel risk) {
    return complete(classification, risk, Severity.P2);
  }

  static Triage.Input complete(Classification classification, RiskLevel risk, Severity severity) {
    return new Triage.Input(
        classification,
        severity,
        new CiaImpact(ImpactLevel.HIGH, ImpactLevel.NONE, ImpactLevel.NONE),
        null,
        List.of("crm"),
        List.of("user profiles"),
        classification == Classification.BREACH ? List.of("email addresses") : List.of(),
        classification == Classification.BREACH ? 100L : null,
        classification == Classification.BREACH ? 100L : null,
        risk,
        null,
        null);
  }

  /** An incident triaged completely at {@code at}, still in triage. */
  static Incident triaged(Classification classification, RiskLevel risk, Instant at) {
    return TriageRules.triage(opened(), complete(classification, risk), RESPONDER, at).incident();
  }

  static Measure measure(String id, MeasureType type, boolean checked) {
    return new Measure(
        id,
        type,
        null,
        "do it",
        type == MeasureType.CONTAINMENT ? null : "owner@x.test",
        type == MeasureType.CONTAINMENT ? null : at(100),
        MeasureStatus.PLANNED,
        checked ? new Effectiveness(EffectivenessResult.EFFECTIVE, null, "r@x.test", T0) : null,
        "responder@x.test",
        T0,
        null);
  }

  static Decision decision(String id, DecisionType type, Instant at) {
    return new Decision(id, type, "because", "legal@x.test", Role.LEGAL, at, null, null, null);
  }

  static Communication sent(String id, Audience audience, Instant at) {
    return new Communication(
        id,
        audience,
        "portal",
        "sent",
        at,
        audience == Audience.SUPERVISORY_AUTHORITY ? Communication.Notification.INITIAL : null,
        null,
        null,
        "legal@x.test",
        at,
        null,
        null);
  }

  static List<String> codes(List<Conflict.Unmet> unmet) {
    return unmet.stream().map(Conflict.Unmet::code).toList();
  }

  static List<String> codes(Conflict conflict) {
    return codes(conflict.unmet());
  }
}
