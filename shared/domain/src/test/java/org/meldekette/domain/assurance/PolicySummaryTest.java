package org.meldekette.domain.assurance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meldekette.domain.Phase;
import org.meldekette.domain.deadline.Regimes;
import org.meldekette.domain.report.Templates;

class PolicySummaryTest {
  private static final PolicySummary.Settings SETTINGS =
      new PolicySummary.Settings(
          "Beispiel GmbH", "P6Y", "ENISA-2013/1", Instant.parse("2026-12-04T08:00:00Z"));
  private final PolicySummary summary = new PolicySummary(new Templates());

  @Test
  void theExitCriteriaAreTheRulesOwnWithTheCasesTheyApplyTo() {
    List<PolicyRules.Criterion> legal = PolicyRules.exitCriteria(Phase.LEGAL_ASSESSMENT);
    assertThat(legal)
        .extracting(PolicyRules.Criterion::code)
        .contains(
            "ART_33_DECISION_MISSING",
            "ART_34_DECISION_MISSING",
            "CONTROLLER_NOT_NOTIFIED",
            "NO_PERSONAL_DATA_DECISION_MISSING");
    assertThat(legal)
        .filteredOn(c -> c.code().equals("ART_34_DECISION_MISSING"))
        .extracting(PolicyRules.Criterion::when)
        .containsExactly(List.of("BREACH_HIGH_RISK"));
    List<PolicyRules.Criterion> triage = PolicyRules.exitCriteria(Phase.DETECTION_TRIAGE);
    assertThat(triage)
        .filteredOn(c -> c.code().equals("SEVERITY_MISSING"))
        .extracting(PolicyRules.Criterion::when)
        .containsExactly(List.of());
    assertThat(triage)
        .filteredOn(c -> c.code().equals("DATA_CATEGORIES_MISSING"))
        .extracting(PolicyRules.Criterion::when)
        .containsExactly(List.of("BREACH"));
    assertThat(PolicyRules.exitCriteria(Phase.RECOVERY_CLOSURE))
        .extracting(PolicyRules.Criterion::code)
        .contains(
            "OPERATION_NOT_RESTORED",
            "CORRECTIVE_MEASURE_MISSING",
            "MEASURE_OWNER_OR_DUE_DATE_MISSING",
            "NOTIFICATION_NOT_SENT",
            "RETENTION_EXTENSION_OPEN");
  }

  @Test
  void everyCriterionAndEveryClockHasWordsInGermanAndEnglish() {
    Regimes all = Regimes.shipped("GDPR", "INTERNAL", "NIS2", "DORA");
    for (String language : List.of("de", "en")) {
      PolicySummary.Words words = PolicySummary.Words.of(language);
      for (Phase phase : Phase.values()) {
        if (phase == Phase.CLOSED) {
          continue;
        }
        assertThat(words.has("phases", phase.name())).as(language + " " + phase).isTrue();
        if (language.equals("de")) {
          for (PolicyRules.Criterion c : PolicyRules.exitCriteria(phase)) {
            assertThat(words.has("criteria", c.code())).as("de " + c.code()).isTrue();
          }
        }
      }
      String html = summary.html(all, SETTINGS, language);
      // A code shown as such would mean a word is missing: the fallbacks are the codes.
      assertThat(html)
          .doesNotContain("regime.", "stage.", "PT72H", "fact:", "communication.latest");
    }
  }

  @Test
  void theSummaryStatesThePhasesTheClocksAndTheSettings() {
    String en = summary.html(Regimes.shipped("GDPR", "INTERNAL"), SETTINGS, "en");
    assertThat(en)
        .contains(
            "Beispiel GmbH",
            "Detection &amp; triage",
            "Legal assessment",
            "the Art. 33 decision: notify the supervisory authority or not, with reasoning",
            "for a personal data breach likely to result in a high risk",
            "Art. 33: notify the supervisory authority",
            "72 hours after the controller became aware of the breach",
            "must be met before the incident can close",
            "ENISA-2013/1",
            "6 years");
    assertThat(en).doesNotContain("NIS2");
    String de = summary.html(Regimes.shipped("GDPR", "INTERNAL"), SETTINGS, "de");
    assertThat(de)
        .contains(
            "Rechtliche Bewertung",
            "die Entscheidung nach Art. 33",
            "72 Stunden nach Kenntnisnahme der Verletzung durch den Verantwortlichen");
  }

  @Test
  void theSummaryChangesWhenTheRegimesFileChanges() {
    String before = summary.html(Regimes.shipped("GDPR", "INTERNAL"), SETTINGS, "en");
    String changed =
        Regimes.shippedFile()
            .replace(
                "\"from\": \"detected\",\n              \"after\": \"PT24H\"",
                "\"from\": \"detected\",\n              \"after\": \"PT4H\"");
    assertThat(changed).isNotEqualTo(Regimes.shippedFile());
    String after =
        summary.html(Regimes.parse(changed, List.of("GDPR", "INTERNAL")), SETTINGS, "en");
    assertThat(after).isNotEqualTo(before).contains("4 hours after detection");
    assertThat(before).contains("24 hours after detection");
    String withNis2 = summary.html(Regimes.shipped("GDPR", "INTERNAL", "NIS2"), SETTINGS, "en");
    assertThat(withNis2)
        .contains("NIS2 early warning", "after becoming aware of the NIS2 incident");
  }
}
