package org.meldekette.notify;

/**
 * Where secret values (webhook URLs and the like) come from: Secret Manager deployed, the
 * environment locally.
 */
public interface Secrets {
  /** The current value of the secret {@code name}. */
  String value(String name) throws Exception;
}
