package org.meldekette.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriageTest {
  private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

  private static Triage.Input breach(Instant awareness, String justification) {
    return new Triage.Input(
        Classification.BREACH,
        Severity.P2,
        null,
        null,
        List.of(),
        List.of(),
        List.of(),
        null,
        null,
        RiskLevel.HIGH,
        awareness,
        justification);
  }

  @Test
  void awarenessDefaultsToTheFirstClassificationAsBreachAndStaysThere() {
    Triage first = Triage.record(null, breach(null, null), T0);
    Triage later = Triage.record(first, breach(null, null), T0.plusSeconds(3600));
    assertThat(first.breachClassifiedAt()).isEqualTo(T0);
    assertThat(later.awarenessAt()).isEqualTo(T0);
    assertThat(later.breachClassifiedAt()).isEqualTo(T0);
  }

  @Test
  void anEarlierAwarenessNeedsAJustificationWhichCarriesOverWhileUnchanged() {
    Instant earlier = T0.minusSeconds(7200);
    assertThatThrownBy(() -> Triage.record(null, breach(earlier, null), T0))
        .hasFieldOrPropertyWithValue("field", "awarenessJustification");
    Triage justified = Triage.record(null, breach(earlier, "processor called"), T0);
    Triage resent = Triage.record(justified, breach(earlier, null), T0.plusSeconds(60));
    assertThat(resent.awarenessJustification()).isEqualTo("processor called");
    assertThatThrownBy(
            () ->
                Triage.record(
                    justified, breach(earlier.minusSeconds(60), null), T0.plusSeconds(60)))
        .hasFieldOrPropertyWithValue("code", "REQUIRED");
  }

  @Test
  void aPlainIncidentHasNoAwarenessClockAndReclassifyingAsBreachStartsOne() {
    Triage.Input plain = Triage.Input.classified(Classification.INCIDENT, null, null);
    Triage incident = Triage.record(null, plain, T0);
    assertThat(incident.awarenessAt()).isNull();
    assertThatThrownBy(
            () ->
                Triage.record(
                    null,
                    new Triage.Input(
                        Classification.INCIDENT,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        T0.minusSeconds(60),
                        "said by mistake"),
                    T0))
        .as("awareness of a breach means nothing for a plain incident: refused, not ignored")
        .isInstanceOf(InvalidInput.class);
    Triage breach = Triage.record(incident, breach(null, null), T0.plusSeconds(600));
    assertThat(breach.awarenessAt()).isEqualTo(T0.plusSeconds(600));
  }

  @Test
  void countsMustBeNonNegative() {
    assertThatThrownBy(
            () ->
                Triage.record(
                    null,
                    new Triage.Input(
                        Classification.BREACH,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        -1L,
                        null,
                        null,
                        null,
                        null),
                    T0))
        .hasFieldOrPropertyWithValue("field", "estimatedDataSubjects");
  }
}
