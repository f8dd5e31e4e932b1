package org.meldekette.domain.deadline;

/** The shipped policy for tests in other packages. */
public final class DeadlinePolicyTestAccess {
  private DeadlinePolicyTestAccess() {}

  public static DeadlinePolicy policy(String... regimes) {
    return DeadlinePolicyTest.policy(regimes);
  }
}
