package org.meldekette.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.meldekette.testing.TestHttp;

/**
 * Every route of the function is in its API description, every described operation is routed (the
 * CORS preflight is answered for every path), and any other method is refused in the error shape
 * (checked against the description like every answer the tests get).
 */
class ApiDescriptionTest extends ServedIntake {
  @Test
  void everyRouteIsDescribedAndEveryDescribedOperationIsRouted() {
    Set<String> routed = new TreeSet<>(new ReportIntakeUnderTest().routes());
    Set<String> described = new TreeSet<>(CONTRACT.operations());
    described.removeIf(operation -> operation.startsWith("OPTIONS "));
    assertThat(routed).isEqualTo(described);
    for (String method : new String[] {"GET", "PUT", "DELETE", "PATCH"}) {
      assertThat(TestHttp.send(method, server.uri("/"), (String) null).statusCode()).isEqualTo(405);
    }
  }
}
