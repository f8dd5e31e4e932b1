package org.meldekette.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The receipt code inside a stored first answer opens only with the idempotency key. */
class SealedCodeTest {
  @Test
  void theStoredAnswerHoldsTheCodeOnlySealedAndOnlyTheSameKeyOpensIt() {
    Map<String, Object> answer =
        Map.of("incidentId", "INC-20261122-AAAAAA", "receiptCode", "ABCD-EFGH-JKMN-PQRS-TVWX-YZ");
    Map<String, Object> stored = SealedCode.sealed(answer, "6f1c1b9e-3a57-4d5e-9a0b-1c2d3e4f5a6b");
    assertThat(stored).doesNotContainKey("receiptCode").containsKey("sealedReceiptCode");
    assertThat(stored.toString()).doesNotContain("ABCD");
    assertThat(SealedCode.unsealed(stored, "6f1c1b9e-3a57-4d5e-9a0b-1c2d3e4f5a6b"))
        .isEqualTo(answer);
    assertThat(SealedCode.unsealed(stored, "another-key"))
        .containsEntry("incidentId", "INC-20261122-AAAAAA")
        .doesNotContainKeys("receiptCode", "sealedReceiptCode");
  }
}
