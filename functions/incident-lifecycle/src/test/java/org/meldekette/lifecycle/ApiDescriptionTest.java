package org.meldekette.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The API description and the function agree: every route is described and every described
 * operation is routed. (Every answer the other tests receive is checked against the description as
 * well, see {@link ServedLifecycle#CONTRACT}.)
 */
class ApiDescriptionTest extends ServedLifecycle {
  @Test
  void everyRouteIsDescribedAndEveryDescribedOperationIsRouted() {
    assertThat(new IncidentLifecycleUnderTest().routes()).isEqualTo(CONTRACT.operations());
  }

  @Test
  void anAnswerThatBreaksTheDescriptionFailsTheTestThatReceivedIt() throws Exception {
    String id = newIncident();
    // The real answer passes; the same answer without a required field does not.
    var answer = call("GET", "/incidents/" + id, RESPONDER, null, null);
    assertThat(
            CONTRACT.problems(
                "GET",
                "/incidents/" + id,
                200,
                "application/json",
                answer.body().replace("\"phase\":", "\"stage\":")))
        .isNotEmpty();
    assertThat(CONTRACT.problems("GET", "/incidents/" + id, 200, "application/json", answer.body()))
        .isEmpty();
    assertThat(
            CONTRACT.problems(
                "GET", "/incidents/" + id, 404, "application/json", "{\"message\":\"gone\"}"))
        .as("an error without the error shape")
        .isNotEmpty();
    assertThatThrownBy(
            () ->
                CONTRACT
                    .problems("GET", "/nowhere", 200, "application/json", "{}")
                    .forEach(
                        p -> {
                          throw new AssertionError(p);
                        }))
        .isInstanceOf(AssertionError.class);
  }
}
