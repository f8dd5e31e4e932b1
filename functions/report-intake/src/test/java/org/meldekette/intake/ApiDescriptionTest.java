package org.meldekette.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.meldekette.testing.TestHttp;

/**
 * The description declares what the function answers: a report by POST and the CORS preflight; any
 * other method is refused in the error shape (checked against the description like every answer the
 * tests get).
 */
class ApiDescriptionTest extends ServedIntake {
  @Test
  void theDescriptionDeclaresPostAndThePreflightAndEveryOtherMethodIsRefused() {
    assertThat(CONTRACT.operations()).isEqualTo(Set.of("OPTIONS /", "POST /"));
    for (String method : new String[] {"GET", "PUT", "DELETE", "PATCH"}) {
      assertThat(TestHttp.send(method, server.uri("/"), (String) null).statusCode()).isEqualTo(405);
    }
  }
}
