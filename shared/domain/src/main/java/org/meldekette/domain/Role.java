package org.meldekette.domain;

/** What a staff member may do; a member may hold several roles. */
public enum Role {
  /** Triage, measures, evidence, transitions, skip requests. */
  RESPONDER,
  /** The second line: approves skips (four eyes), reopens incidents. */
  SECOND_LINE,
  /** Decision log, legal sign-off, legal holds, retention extensions. */
  LEGAL,
  /** The data protection officer: decision log, like LEGAL. */
  DPO,
  /** Press and public statements, together with legal approval. */
  COMMUNICATIONS,
  /** Manages members. */
  ADMIN,
  /**
   * A service identity: the erasure workflow, which may only ask whether a subject may be erased.
   */
  ERASURE_WORKFLOW
}
