package org.meldekette.domain.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.Actor;
import org.meldekette.domain.Assessment;
import org.meldekette.domain.AssessmentView;
import org.meldekette.domain.Change;
import org.meldekette.domain.ChangeType;
import org.meldekette.domain.Incident;
import org.meldekette.domain.RetentionExtension;

/**
 * The case file around the phases: the assessment in words (what notifications and the final report
 * say), the incident's team (who has need-to-know), and retention extensions (data kept past normal
 * retention because of the incident, documented apart and lifted when it ends).
 */
public final class CaseFileRules {
  private CaseFileRules() {}

  /** Records what is known in words for notifications; the timeline keeps which parts changed. */
  public static Outcome assessmentRecorded(
      Incident incident, Assessment assessment, Actor actor, Instant now) {
    Diff diff = Diff.of(AssessmentView.of(incident.assessment()), AssessmentView.of(assessment));
    return new Outcome(
        incident.withAssessment(assessment, now),
        new Change(
            ChangeType.ASSESSMENT_RECORDED,
            actor,
            now,
            incident.id(),
            diff.summary("Assessment recorded"),
            diff.before(),
            diff.after()));
  }

  public static Outcome teamChanged(
      Incident incident, List<String> team, Actor actor, Instant now) {
    return new Outcome(
        incident.withTeam(team, now),
        new Change(
            ChangeType.TEAM_CHANGED,
            actor,
            now,
            incident.id(),
            "Incident team changed",
            Map.of("team", incident.team()),
            Map.of("team", team)));
  }

  /**
   * Records which customers the incident affected (at triage or later): what a customer's audit
   * pack is filtered by. Names as the operator keeps them, each at most 200 characters.
   */
  public static Outcome customersRecorded(
      Incident incident, List<String> customers, Actor actor, Instant now) {
    Guards.notClosed(incident);
    List<String> named = org.meldekette.domain.Lists.names("customers", customers);
    return new Outcome(
        incident.withCustomers(named, now),
        new Change(
            ChangeType.CUSTOMERS_RECORDED,
            actor,
            now,
            incident.id(),
            "Affected customers recorded",
            Map.of("customers", incident.customers()),
            Map.of("customers", named)));
  }

  public static Outcome retentionExtended(
      Incident incident, RetentionExtension extension, Actor actor, Instant now) {
    return new Outcome(
        incident.touched(now),
        new Change(
            ChangeType.RETENTION_EXTENDED,
            actor,
            now,
            incident.id(),
            "Retention extended (" + extension.id() + ") until " + extension.until(),
            null,
            Map.of(
                "extension",
                extension.id(),
                "until",
                extension.until().toString(),
                "what",
                extension.what(),
                "justification",
                extension.justification())));
  }

  public static Outcome retentionDecided(
      Incident incident,
      RetentionExtension before,
      RetentionExtension after,
      Actor actor,
      Instant now) {
    return new Outcome(
        incident.touched(now),
        new Change(
            after.status() == RetentionExtension.Status.LIFTED
                ? ChangeType.RETENTION_LIFTED
                : ChangeType.RETENTION_RENEWED,
            actor,
            now,
            incident.id(),
            "Retention extension " + after.id() + " " + after.status().name().toLowerCase(),
            Map.of("status", before.status().name(), "until", before.until().toString()),
            Map.of(
                "status",
                after.status().name(),
                "until",
                after.until().toString(),
                "justification",
                after.lastJustification())));
  }
}
