package org.meldekette.domain;

/** Where a piece of evidence was secured from. */
public enum EvidenceSource {
  CLOUD_LOGGING,
  VPC_FLOW_LOGS,
  AUDIT_EVENTS,
  CONFIG_SNAPSHOT,
  FILE,
  OTHER
}
