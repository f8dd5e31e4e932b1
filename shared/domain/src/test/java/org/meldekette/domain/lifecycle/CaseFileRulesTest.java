package org.meldekette.domain.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meldekette.domain.lifecycle.Fixtures.LEGAL;
import static org.meldekette.domain.lifecycle.Fixtures.SECOND_LINE;
import static org.meldekette.domain.lifecycle.Fixtures.at;
import static org.meldekette.domain.lifecycle.Fixtures.opened;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.meldekette.domain.Assessment;
import org.meldekette.domain.ChangeType;
import org.meldekette.domain.Incident;
import org.meldekette.domain.RetentionExtension;

/** The assessment in words, the team, retention extensions: recorded with what changed. */
class CaseFileRulesTest {
  @Test
  void theAssessmentRecordsWhichPartsChanged() {
    Assessment nature =
        new Assessment("phishing", null, null, null, null, null, null, null, null, null);
    Outcome first = CaseFileRules.assessmentRecorded(opened(), nature, LEGAL, at(1));
    assertThat(first.change().summary()).isEqualTo("Assessment recorded: nature");
    Outcome same = CaseFileRules.assessmentRecorded(first.incident(), nature, LEGAL, at(2));
    assertThat(same.change().summary()).isEqualTo("Assessment recorded (no change)");
  }

  @Test
  void theTeamChangeKeepsTheTeamBefore() {
    Incident withTeam =
        CaseFileRules.teamChanged(opened(), List.of("a@x.test"), SECOND_LINE, at(1)).incident();
    Outcome changed =
        CaseFileRules.teamChanged(withTeam, List.of("a@x.test", "b@x.test"), SECOND_LINE, at(2));
    assertThat(changed.incident().team()).containsExactly("a@x.test", "b@x.test");
    assertThat(changed.change().before()).containsEntry("team", List.of("a@x.test"));
  }

  @Test
  void liftingARetentionExtensionIsItsOwnChange() {
    RetentionExtension active =
        new RetentionExtension(
            "RET-0000000001",
            "access logs",
            at(1000),
            "the investigation needs them",
            RetentionExtension.Status.ACTIVE,
            LEGAL.id(),
            at(1),
            "the investigation needs them");
    assertThat(CaseFileRules.retentionExtended(opened(), active, LEGAL, at(1)).change().type())
        .isEqualTo(ChangeType.RETENTION_EXTENDED);
    RetentionExtension lifted = active.lifted(LEGAL.id(), at(2), "investigation over");

    Outcome decided = CaseFileRules.retentionDecided(opened(), active, lifted, LEGAL, at(2));

    assertThat(decided.change().type()).isEqualTo(ChangeType.RETENTION_LIFTED);
    assertThat(decided.change().before()).containsEntry("status", "ACTIVE");
    assertThat(decided.change().after()).containsEntry("justification", "investigation over");
  }
}
