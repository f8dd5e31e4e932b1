package org.meldekette.domain.risk;

import java.util.ArrayList;
import java.util.List;
import org.meldekette.domain.Art34Exception;
import org.meldekette.domain.RiskLevel;

/**
 * What an assessment suggests: never applied on its own, LEGAL or the DPO accept or override it.
 *
 * @param risk the risk to the data subjects the band suggests (what the clocks would use)
 * @param obligations what GDPR then asks, in order
 * @param restsOn the Art. 34(3) exceptions the suggestion to spare informing the data subjects
 *     rests on; empty when it rests on none
 */
public record RiskAdvice(
    RiskLevel risk, List<Obligation> obligations, List<Art34Exception> restsOn) {

  public RiskAdvice {
    obligations = List.copyOf(obligations);
    restsOn = List.copyOf(restsOn);
  }

  /**
   * The advice for a score. Low: document it in the register (Art. 33(5)); medium: also notify the
   * authority; high and very high: also inform the data subjects, unless an Art. 34(3) exception is
   * claimed (under (c) a public communication instead). Acting as processor, the operator informs
   * the controller, who assesses and notifies (Art. 33(2)).
   */
  public static RiskAdvice of(RiskScore score, RiskInput input, boolean actingAsProcessor) {
    RiskLevel risk = score.band().risk();
    if (actingAsProcessor) {
      return new RiskAdvice(risk, List.of(Obligation.INFORM_CONTROLLER), List.of());
    }
    List<Obligation> obligations = new ArrayList<>(List.of(Obligation.DOCUMENT_IN_REGISTER));
    List<Art34Exception> restsOn = new ArrayList<>();
    if (risk != RiskLevel.LOW) {
      obligations.add(Obligation.NOTIFY_AUTHORITY);
    }
    if (risk == RiskLevel.HIGH) {
      List<Art34Exception> claimed =
          input.exceptions().stream().map(RiskInput.ExceptionClaim::exception).toList();
      List<Art34Exception> sparing =
          claimed.stream().filter(e -> e.communicationInstead() == null).toList();
      if (!sparing.isEmpty()) {
        restsOn.addAll(sparing);
      } else if (claimed.contains(Art34Exception.DISPROPORTIONATE_EFFORT)) {
        obligations.add(Obligation.PUBLIC_COMMUNICATION);
        restsOn.add(Art34Exception.DISPROPORTIONATE_EFFORT);
      } else {
        obligations.add(Obligation.INFORM_DATA_SUBJECTS);
      }
    }
    return new RiskAdvice(risk, obligations, restsOn);
  }
}
