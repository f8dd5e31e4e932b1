package org.meldekette.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {
  private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

  private static Report report(String title, String description, String email, Instant observedAt) {
    return Report.submitted(
        ReportKind.OTHER, title, description, List.of(), observedAt, null, email, null, NOW);
  }

  @Test
  void textIsTrimmedAndLengthIsCountedInCharactersNotBytes() {
    Report report =
        report("  " + "\uD83D\uDD12".repeat(200) + "  ", "ü".repeat(20_000), null, null);
    assertThat(report.title()).hasSize(400); // 200 emoji, two UTF-16 units each
    assertThat(report.language()).isEqualTo(Language.DE);
    assertThatThrownBy(() -> report("\uD83D\uDD12".repeat(201), "d", null, null))
        .isInstanceOf(InvalidInput.class)
        .hasFieldOrPropertyWithValue("code", "TOO_LONG");
  }

  @Test
  void theFirstBadFieldInFormOrderIsNamed() {
    assertThatThrownBy(() -> Report.submitted(null, "", "", List.of(), null, null, "x", null, NOW))
        .hasFieldOrPropertyWithValue("field", "kind");
    assertThatThrownBy(() -> report("", "", "x", null))
        .hasFieldOrPropertyWithValue("field", "title");
    assertThatThrownBy(() -> report("t", "", "x", null))
        .hasFieldOrPropertyWithValue("field", "description");
    assertThatThrownBy(() -> report("t", "d", "x", NOW.plusSeconds(3600)))
        .hasFieldOrPropertyWithValue("field", "observedAt");
    assertThatThrownBy(() -> report("t", "d", "x", null))
        .hasFieldOrPropertyWithValue("field", "reporterEmail");
  }

  @Test
  void observedAtMayRunAFewMinutesAheadForClockSkewButNotMore() {
    assertThat(report("t", "d", null, NOW.plusSeconds(299)).observedAt())
        .isEqualTo(NOW.plusSeconds(299));
    assertThatThrownBy(() -> report("t", "d", null, NOW.plusSeconds(301)))
        .hasFieldOrPropertyWithValue("code", "IN_FUTURE");
  }

  @Test
  void descriptionsKeepLineBreaksButNoOtherControlCharacters() {
    assertThat(report("t", "line 1\r\n\tline 2", null, null).description())
        .isEqualTo("line 1\r\n\tline 2");
    assertThatThrownBy(() -> report("t", "bell \u0007", null, null))
        .hasFieldOrPropertyWithValue("code", "CONTROL_CHARACTER");
    assertThatThrownBy(() -> report("broken \uD800 surrogate", "d", null, null))
        .hasFieldOrPropertyWithValue("code", "INVALID_CHARACTER");
  }

  @Test
  void affectedSystemsAreTrimmedDeduplicatedAndLimited() {
    Report report =
        Report.submitted(
            ReportKind.OTHER,
            "t",
            "d",
            Arrays.asList(" crm ", "crm", "", "shop", null),
            null,
            null,
            null,
            null,
            NOW);
    assertThat(report.affectedSystems()).containsExactly("crm", "shop");
    List<String> tooMany = java.util.stream.IntStream.range(0, 51).mapToObj(i -> "s" + i).toList();
    assertThatThrownBy(
            () ->
                Report.submitted(ReportKind.OTHER, "t", "d", tooMany, null, null, null, null, NOW))
        .hasFieldOrPropertyWithValue("code", "TOO_MANY");
  }

  @Test
  void contactIsOptionalAndOnlyAnAddressMakesAReporterAnswerable() {
    assertThat(report("t", "d", null, null).contact().isEmpty()).isTrue();
    assertThat(report("t", "d", " ", null).contact().canBeAnswered()).isFalse();
    assertThat(report("t", "d", "a.b+tag@sub.example.co.uk", null).contact().canBeAnswered())
        .isTrue();
  }
}
