package org.meldekette.domain;

/**
 * What the team has worked out about an incident beyond triage, in words for notifications: the
 * nature of the breach, the categories of people concerned, its likely consequences, advice to the
 * people affected, and what sector regimes ask (suspected unlawful or malicious acts, cross-border
 * impact, indicators of compromise, root cause). Any part may still be unknown (null); drafts list
 * what is missing.
 *
 * @param lessonsLearned the improvement taken into the information security management system: a
 *     required item of the final report, with the root cause
 */
public record Assessment(
    String nature,
    String dataSubjectCategories,
    String likelyConsequences,
    String adviceToDataSubjects,
    Boolean maliciousActSuspected,
    Boolean crossBorderImpact,
    String indicatorsOfCompromise,
    String rootCause,
    String mitigation,
    String lessonsLearned) {

  public static final Assessment NONE =
      new Assessment(null, null, null, null, null, null, null, null, null, null);
  private static final int MAX = 10_000;

  public Assessment {
    nature = Text.optional("nature", nature, MAX, true);
    dataSubjectCategories =
        Text.optional("dataSubjectCategories", dataSubjectCategories, MAX, true);
    likelyConsequences = Text.optional("likelyConsequences", likelyConsequences, MAX, true);
    adviceToDataSubjects = Text.optional("adviceToDataSubjects", adviceToDataSubjects, MAX, true);
    indicatorsOfCompromise =
        Text.optional("indicatorsOfCompromise", indicatorsOfCompromise, MAX, true);
    rootCause = Text.optional("rootCause", rootCause, MAX, true);
    mitigation = Text.optional("mitigation", mitigation, MAX, true);
    lessonsLearned = Text.optional("lessonsLearned", lessonsLearned, MAX, true);
  }
}
