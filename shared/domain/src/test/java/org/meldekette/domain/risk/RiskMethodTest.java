package org.meldekette.domain.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.meldekette.domain.Art34Exception;
import org.meldekette.domain.InvalidInput;
import org.meldekette.domain.RiskLevel;

/**
 * The ENISA method as shipped: SE = DPC × EI + CB, bands low < 2 ≤ medium < 3 ≤ high < 4 ≤ very
 * high. The worked cases are breaches of EDPB Guidelines 01/2021 (examples regarding personal data
 * breach notification), scored by hand from the method's tables; the band each test expects is that
 * hand calculation, written out beside it.
 */
class RiskMethodTest {
  private final RiskMethod enisa = RiskMethod.shipped();

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "0.25, LOW",
    "1.99, LOW",
    "2.0, MEDIUM",
    "2, MEDIUM",
    "2.99, MEDIUM",
    "3.0, HIGH",
    "3.999, HIGH",
    "4.0, VERY_HIGH",
    "6, VERY_HIGH"
  })
  void bandsBeginAtTheirLowerLimit(String severity, SeverityBand band) {
    assertThat(enisa.band(new BigDecimal(severity))).isEqualTo(band);
  }

  @Test
  void severityIsDpcTimesEiPlusCb() {
    // DPC 3 (financial), EI 0.75, CB 0.25 + 0.25 = 0.5: SE = 2.25 + 0.5 = 2.75.
    RiskScore score =
        enisa.score(
            Cases.breach()
                .data(DataCategory.SIMPLE, 1)
                .data(DataCategory.FINANCIAL, 3)
                .identification(Identifiability.SIGNIFICANT)
                .found(Circumstance.CONFIDENTIALITY, "KNOWN_RECIPIENTS")
                .found(Circumstance.AVAILABILITY, "TEMPORARY")
                .input());
    assertThat(score.dpc()).isEqualTo(3);
    assertThat(score.ei()).isEqualByComparingTo("0.75");
    assertThat(score.cb()).isEqualByComparingTo("0.5");
    assertThat(score.severity()).isEqualByComparingTo("2.75");
    assertThat(score.severityText()).isEqualTo("2.75");
    assertThat(score.band()).isEqualTo(SeverityBand.MEDIUM);
    assertThat(score.method()).isEqualTo("ENISA-2013/1");
  }

  @Test
  void exactlyTwoIsMediumNotLow() {
    // DPC 1 × EI 1 + CB (0.5 permanent loss + 0.5 malicious) = 2.0.
    RiskScore score =
        enisa.score(
            Cases.breach()
                .data(DataCategory.SIMPLE, 1)
                .found(Circumstance.AVAILABILITY, "PERMANENT")
                .found(Circumstance.MALICIOUS_INTENT, "YES")
                .input());
    assertThat(score.severity()).isEqualByComparingTo("2");
    assertThat(score.band()).isEqualTo(SeverityBand.MEDIUM);
  }

  /** EDPB 01/2021 case 1: ransomware, proper backup, no exfiltration; staff and customer data. */
  @Test
  void ransomwareWithBackupIsLow() {
    // Simple data 1 × identifiable 1 + unavailable a few hours 0.25 + malicious 0.5 = 1.75: low.
    RiskInput input =
        Cases.breach()
            .data(DataCategory.SIMPLE, 1)
            .found(Circumstance.AVAILABILITY, "TEMPORARY")
            .found(Circumstance.MALICIOUS_INTENT, "YES")
            .input();
    RiskScore score = enisa.score(input);
    assertThat(score.severity()).isEqualByComparingTo("1.75");
    assertThat(score.band()).isEqualTo(SeverityBand.LOW);
    assertThat(RiskAdvice.of(score, input, false).obligations())
        .containsExactly(Obligation.DOCUMENT_IN_REGISTER);
  }

  /** EDPB 01/2021 case 2: ransomware without backup; the data cannot be restored. */
  @Test
  void ransomwareWithoutBackupIsMedium() {
    // 1 × 1 + permanently lost 0.5 + malicious 0.5 = 2.0: medium, notify the authority.
    RiskInput input =
        Cases.breach()
            .data(DataCategory.SIMPLE, 1)
            .found(Circumstance.AVAILABILITY, "PERMANENT")
            .found(Circumstance.MALICIOUS_INTENT, "YES")
            .input();
    RiskScore score = enisa.score(input);
    assertThat(score.band()).isEqualTo(SeverityBand.MEDIUM);
    assertThat(RiskAdvice.of(score, input, false).obligations())
        .containsExactly(Obligation.DOCUMENT_IN_REGISTER, Obligation.NOTIFY_AUTHORITY);
  }

  /** EDPB 01/2021 case 3: ransomware at a hospital, patient data, restored from backup in days. */
  @Test
  void ransomwareOfHealthDataIsVeryHigh() {
    // Sensitive 4 × 1 + temporary 0.25 + malicious 0.5 = 4.75: very high, inform the patients.
    RiskInput input =
        Cases.breach()
            .data(DataCategory.SENSITIVE, 4)
            .found(Circumstance.AVAILABILITY, "TEMPORARY")
            .found(Circumstance.MALICIOUS_INTENT, "YES")
            .input();
    RiskScore score = enisa.score(input);
    assertThat(score.severity()).isEqualByComparingTo("4.75");
    assertThat(score.band()).isEqualTo(SeverityBand.VERY_HIGH);
    RiskAdvice advice = RiskAdvice.of(score, input, false);
    assertThat(advice.risk()).isEqualTo(RiskLevel.HIGH);
    assertThat(advice.obligations())
        .containsExactly(
            Obligation.DOCUMENT_IN_REGISTER,
            Obligation.NOTIFY_AUTHORITY,
            Obligation.INFORM_DATA_SUBJECTS);
  }

  /** EDPB 01/2021 case 5: job applications exfiltrated from a website by an attacker. */
  @Test
  void exfiltratedApplicationsAreHigh() {
    // CVs: simple data raised to 2 by their volume (a whole career) × 1 + unknown recipients 0.5
    // + malicious 0.5 = 3.0: high.
    RiskInput input =
        Cases.breach()
            .data(DataCategory.SIMPLE, 2, ContextFactor.VOLUME)
            .found(Circumstance.CONFIDENTIALITY, "UNKNOWN_RECIPIENTS")
            .found(Circumstance.MALICIOUS_INTENT, "YES")
            .input();
    RiskScore score = enisa.score(input);
    assertThat(score.severity()).isEqualByComparingTo("3");
    assertThat(score.band()).isEqualTo(SeverityBand.HIGH);
  }

  /** EDPB 01/2021 case 15-style: a customer list e-mailed to one wrong, known recipient. */
  @Test
  void misSentEmailToAKnownRecipientIsLow() {
    // 1 × 1 + known recipient 0.25, an error = 1.25: low (documented, not notified).
    RiskScore score =
        enisa.score(
            Cases.breach()
                .data(DataCategory.SIMPLE, 1)
                .found(Circumstance.CONFIDENTIALITY, "KNOWN_RECIPIENTS")
                .input());
    assertThat(score.severity()).isEqualByComparingTo("1.25");
    assertThat(score.band()).isEqualTo(SeverityBand.LOW);
  }

  /** EDPB 01/2021 case 8-style: a lost laptop, full-disk encrypted, key not compromised. */
  @Test
  void lostEncryptedDeviceIsLow() {
    // Financial 3 × negligible 0.25 (unintelligible without the key) + no loss = 0.75: low.
    RiskScore score =
        enisa.score(
            Cases.breach()
                .data(DataCategory.FINANCIAL, 3)
                .identification(Identifiability.NEGLIGIBLE)
                .input());
    assertThat(score.severity()).isEqualByComparingTo("0.75");
    assertThat(score.band()).isEqualTo(SeverityBand.LOW);
  }

  @Test
  void theHighestCategoryIsTheContext() {
    RiskScore score =
        enisa.score(
            Cases.breach()
                .data(DataCategory.BEHAVIOURAL, 2)
                .data(DataCategory.SENSITIVE, 3, ContextFactor.NATURE_OF_DATA)
                .data(DataCategory.SIMPLE, 1)
                .input());
    assertThat(score.dpc()).isEqualTo(3);
  }

  @Test
  void aScoreMovedFromTheBasicOneNeedsAFactorThatMovesItThatWay() {
    assertThatThrownBy(() -> enisa.score(Cases.breach().data(DataCategory.SIMPLE, 3).input()))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.code()).isEqualTo("FACTOR_REQUIRED"))
        .hasMessageContaining("SIMPLE starts at 1");
    // Public availability lowers a score; it cannot explain a raise.
    assertThatThrownBy(
            () ->
                enisa.score(
                    Cases.breach()
                        .data(DataCategory.SIMPLE, 2, ContextFactor.PUBLICLY_AVAILABLE)
                        .input()))
        .isInstanceOf(InvalidInput.class);
    assertThat(
            enisa
                .score(
                    Cases.breach()
                        .data(DataCategory.SENSITIVE, 1, ContextFactor.PUBLICLY_AVAILABLE)
                        .input())
                .dpc())
        .isEqualTo(1);
  }

  @Test
  void atHighRiskAnExceptionClaimedChangesTheSuggestionNotTheScore() {
    Cases hospital =
        Cases.breach()
            .data(DataCategory.SENSITIVE, 4)
            .found(Circumstance.CONFIDENTIALITY, "UNKNOWN_RECIPIENTS");
    RiskInput encrypted = hospital.claiming(Art34Exception.ENCRYPTED).input();
    RiskScore score = enisa.score(encrypted);
    RiskAdvice advice = RiskAdvice.of(score, encrypted, false);
    assertThat(advice.risk()).isEqualTo(RiskLevel.HIGH);
    assertThat(advice.obligations())
        .containsExactly(Obligation.DOCUMENT_IN_REGISTER, Obligation.NOTIFY_AUTHORITY);
    assertThat(advice.restsOn()).containsExactly(Art34Exception.ENCRYPTED);

    RiskInput many =
        Cases.breach()
            .data(DataCategory.SENSITIVE, 4)
            .claiming(Art34Exception.DISPROPORTIONATE_EFFORT)
            .input();
    assertThat(RiskAdvice.of(enisa.score(many), many, false).obligations())
        .containsExactly(
            Obligation.DOCUMENT_IN_REGISTER,
            Obligation.NOTIFY_AUTHORITY,
            Obligation.PUBLIC_COMMUNICATION);
  }

  @Test
  void actingAsProcessorTheControllerIsInformed() {
    RiskInput input = Cases.breach().data(DataCategory.SENSITIVE, 4).input();
    assertThat(RiskAdvice.of(enisa.score(input), input, true).obligations())
        .containsExactly(Obligation.INFORM_CONTROLLER);
  }

  @Test
  void everyInputCarriesAReason() {
    assertThatThrownBy(() -> new RiskInput.DataItem(DataCategory.SIMPLE, 1, List.of(), "  "))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.field()).isEqualTo("data.reason"));
    assertThatThrownBy(() -> new RiskInput.DataItem(DataCategory.SIMPLE, 5, List.of(), "x"))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.code()).isEqualTo("OUT_OF_RANGE"));
    assertThatThrownBy(
            () ->
                new RiskInput(
                    List.of(new RiskInput.DataItem(DataCategory.SIMPLE, 1, List.of(), "x")),
                    new RiskInput.Identification(Identifiability.MAXIMUM, "x"),
                    java.util.Map.of(),
                    java.util.Map.of(),
                    List.of()))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e -> assertThat(e.field()).isEqualTo("circumstances.confidentiality"));
  }

  @Test
  void everyEdpbFactorIsAnswered() {
    RiskInput complete = Cases.breach().data(DataCategory.SIMPLE, 1).input();
    java.util.Map<EdpbFactor, String> missingOne = new java.util.EnumMap<>(complete.factors());
    missingOne.remove(EdpbFactor.NUMBER_OF_INDIVIDUALS);
    assertThatThrownBy(
            () ->
                new RiskInput(
                    complete.data(),
                    complete.identification(),
                    complete.circumstances(),
                    missingOne,
                    List.of()))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e -> assertThat(e.field()).isEqualTo("factors.NUMBER_OF_INDIVIDUALS"));
  }

  @Test
  void aDeploymentsOwnTableScoresWithItsWeightsAndVersion() {
    String own =
        RiskMethod.shippedFile()
            .replace("\"version\": \"ENISA-2013/1\"", "\"version\": \"ACME-2026/2\"")
            .replace("\"from\": 3,", "\"from\": 2.5,");
    RiskMethod method = RiskMethod.parse(own);
    RiskScore score =
        method.score(
            Cases.breach()
                .data(DataCategory.SIMPLE, 1)
                .found(Circumstance.AVAILABILITY, "PERMANENT")
                .found(Circumstance.MALICIOUS_INTENT, "YES")
                .found(Circumstance.CONFIDENTIALITY, "UNKNOWN_RECIPIENTS")
                .input());
    assertThat(score.method()).isEqualTo("ACME-2026/2");
    assertThat(score.band()).isEqualTo(SeverityBand.HIGH);
  }

  @Test
  void aTableThatLeavesOutALevelOrWhoseBandsFallIsRefused() {
    assertThatThrownBy(
            () -> RiskMethod.parse(RiskMethod.shippedFile().replace("\"UNRECOVERABLE\"", "\"X\"")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("UNRECOVERABLE");
    assertThatThrownBy(
            () -> RiskMethod.parse(RiskMethod.shippedFile().replace("\"from\": 4", "\"from\": 1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bands must rise");
  }
}
