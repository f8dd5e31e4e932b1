package org.meldekette.domain.assurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meldekette.domain.AnnexAControl;
import org.meldekette.domain.Classification;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentSource;
import org.meldekette.domain.InvalidInput;
import org.meldekette.domain.Measure;
import org.meldekette.domain.MeasureStatus;
import org.meldekette.domain.MeasureType;
import org.meldekette.domain.Triage;
import org.meldekette.domain.report.IncidentFile;

class IsmsActionsTest {
  private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

  private static Measure measure(String id, MeasureType type, String control, Instant due) {
    return Measure.added(
        id,
        type,
        null,
        "=HYPERLINK(\"x\"), then fix it",
        "owner@x.test",
        due,
        MeasureStatus.PLANNED,
        control,
        "r@x.test",
        T);
  }

  @Test
  void eachCorrectiveOrPreventiveMeasureIsAnActionWithItsControls() {
    Incident breach =
        Incident.open("INC-20260301-AAAAAA", "t", IncidentSource.REPORT, null, T)
            .withTriage(
                Triage.record(null, Triage.Input.classified(Classification.BREACH, null, null), T),
                T);
    IncidentFile file =
        new IncidentFile(
            breach,
            List.of(),
            List.of(
                measure("MSR-0000000001", MeasureType.CORRECTIVE, "8.8", T.minusSeconds(60)),
                measure("MSR-0000000002", MeasureType.PREVENTIVE, null, T.plusSeconds(60)),
                measure("MSR-0000000003", MeasureType.CONTAINMENT, null, null)),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    List<Map<String, Object>> actions = IsmsActions.of(List.of(file), T);
    assertThat(actions)
        .extracting(a -> a.get("actionId"))
        .containsExactly("MSR-0000000001", "MSR-0000000002");
    assertThat(actions.get(0))
        .containsEntry("controls", "A.5.25 A.5.26 A.5.27 A.5.34 A.6.8 A.8.8")
        .containsEntry("overdue", true);
    assertThat(actions.get(1))
        .containsEntry("controls", "A.5.24 A.5.25 A.5.27 A.5.34 A.6.8")
        .containsEntry("overdue", false);
    String csv = IsmsActions.csv(actions);
    assertThat(csv.lines().findFirst().orElseThrow()).startsWith("actionId,incidentId,type");
    // A leading = would run as a formula in a spreadsheet; quotes and commas are quoted.
    assertThat(csv).contains(",\"'=HYPERLINK(\"\"x\"\"), then fix it\",");
  }

  @Test
  void aControlIsOneOfAnnexA() {
    assertThat(AnnexAControl.of("control", "a.5.24")).isEqualTo("A.5.24");
    assertThat(AnnexAControl.of("control", "8.34")).isEqualTo("A.8.34");
    assertThat(AnnexAControl.of("control", " ")).isNull();
    for (String wrong : List.of("A.5.38", "A.6.9", "A.9.1", "A.8.0", "ISO 27001")) {
      assertThatThrownBy(() -> AnnexAControl.of("control", wrong))
          .isInstanceOfSatisfying(
              InvalidInput.class, e -> assertThat(e.code()).isEqualTo("NOT_AN_ANNEX_A_CONTROL"));
    }
  }
}
