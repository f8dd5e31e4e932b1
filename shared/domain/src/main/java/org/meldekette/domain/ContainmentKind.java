package org.meldekette.domain;

/** The usual kinds of containment measure. */
public enum ContainmentKind {
  ACCESS_REVOCATION,
  SERVICE_ISOLATION,
  CREDENTIAL_ROTATION,
  OTHER
}
