package org.meldekette.domain;

/** Why triage found a report or event not security-relevant. */
public enum DismissalReason {
  /** Unsolicited or abusive messages, floods. */
  SPAM,
  /** A test of the form, a drill, a monitoring test. */
  TEST,
  /** Not a security matter: a support question, a feature working as intended. */
  MISUNDERSTANDING,
  /** Already reported and handled under another incident. */
  DUPLICATE
}
